// The overlay open over the screen (keys, skipped files, links), drawn from the rows overlay.ts makes.
import { Overlay } from '../components/Overlay.js';
import { overlayContent, overlayHeight, type OverlaySource, type OverlayView } from '../overlay.js';

interface Props {
  source: OverlaySource;
  view: OverlayView;
}

export function OverlayScreen({ source, view }: Props) {
  const { title, rows } = overlayContent(source);
  return (
    <Overlay
      title={title}
      rows={rows}
      width={source.size.columns}
      height={overlayHeight(source.size)}
      top={view.top}
      {...(source.overlay === 'links' ? { selected: view.selected } : {})}
    />
  );
}
