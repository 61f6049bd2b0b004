import { fresh, longArticleFile } from './articles.js';
import { measureScroll } from './reader-render.js';
const r = await measureScroll(fresh(longArticleFile(200 * 1024)), 400, 20);
const sorted = [...r.renderTimes].sort((a, b) => a - b);
console.log('median renderTime', sorted[Math.floor(sorted.length / 2)]!.toFixed(2));
