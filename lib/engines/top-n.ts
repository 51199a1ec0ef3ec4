/**
 * The `limit` smallest items by `compare`, kept sorted while items are
 * offered: a directory of thousands is ranked without sorting it, as only the
 * first few are shown.
 */
export class TopN<T> {
  readonly items: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const { items } = this;
    if (items.length === this.limit && this.compare(item, items[items.length - 1]!) >= 0) return;
    let index = items.length;
    while (index > 0 && this.compare(item, items[index - 1]!) < 0) index--;
    items.splice(index, 0, item);
    if (items.length > this.limit) items.pop();
  }
}
