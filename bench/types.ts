// One benchmark figure, printed as a JSON line by `npm run bench`.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}
