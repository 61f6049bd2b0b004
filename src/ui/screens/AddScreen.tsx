// The `a` prompt: a path or web address typed in, then the import's progress until it is done.
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { truncate } from '../../core/text-width.js';
import { frameHeight, type AddPrompt, type Size } from '../state.js';

interface Props {
  adding: AddPrompt;
  size: Size;
  onChange: (text: string) => void;
  onSubmit: () => void;
}

export function AddScreen({ adding, size, onChange, onSubmit }: Props) {
  const width = size.columns;
  const busy = adding.progress !== null;
  return (
    <Box flexDirection="column" height={frameHeight(size)}>
      <Text bold wrap="truncate-end">
        {truncate('Add articles: a file, an http(s) address, a feed', width)}
      </Text>
      <Text> </Text>
      <Box>
        <Text>{'> '}</Text>
        {busy ? (
          <Text wrap="truncate-end">{truncate(adding.text, width - 2)}</Text>
        ) : (
          <TextInput
            value={adding.text}
            onChange={onChange}
            onSubmit={onSubmit}
            placeholder="path or URL"
          />
        )}
      </Box>
      <Text> </Text>
      <Text dimColor wrap="truncate-end">
        {truncate(busy ? adding.progress! : 'Enter adds  ·  Esc cancels', width)}
      </Text>
    </Box>
  );
}
