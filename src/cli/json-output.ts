// `--format json`: one request gives one object (the contract, spec §2); several give an array
// of them, in input order. The first object is held back until a second one shows which it is.
export class JsonResults {
  private held: string | undefined;
  private count = 0;

  constructor(private readonly write: (text: string) => Promise<void>) {}

  async add(value: unknown): Promise<void> {
    const text = JSON.stringify(value, null, 2);
    this.count++;
    if (this.count === 1) {
      this.held = text;
      return;
    }
    if (this.count === 2) await this.write(`[\n${this.held!},\n${text}`);
    else await this.write(`,\n${text}`);
    this.held = undefined;
  }

  async end(): Promise<void> {
    if (this.count === 0) await this.write('[]\n');
    else if (this.count === 1) await this.write(`${this.held!}\n`);
    else await this.write('\n]\n');
  }
}
