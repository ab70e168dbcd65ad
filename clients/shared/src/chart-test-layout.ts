// For component tests of charts: jsdom lays nothing out, so a responsive Recharts chart measures
// 0 × 0 and draws nothing. This gives chart wrappers a size (and a ResizeObserver that never fires),
// the way a browser would, until `restore()`.
export function layOutCharts({ width = 900, height = 300 } = {}): () => void {
  const prototype = HTMLElement.prototype;
  const sized = (element: HTMLElement, size: number) => (element.classList.contains('recharts-wrapper') ? size : 0);
  const hadObserver = 'ResizeObserver' in globalThis;
  Object.defineProperty(prototype, 'clientWidth', { configurable: true, get(this: HTMLElement) { return sized(this, width); } });
  Object.defineProperty(prototype, 'clientHeight', { configurable: true, get(this: HTMLElement) { return sized(this, height); } });
  if (!hadObserver) {
    Object.assign(globalThis, { ResizeObserver: class { observe() {} unobserve() {} disconnect() {} } });
  }
  return () => {
    delete (prototype as { clientWidth?: number }).clientWidth;
    delete (prototype as { clientHeight?: number }).clientHeight;
    if (!hadObserver) delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
  };
}
