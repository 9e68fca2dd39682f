export function runScale(_sizes: number[]): void { console.log('scale: todo'); }
