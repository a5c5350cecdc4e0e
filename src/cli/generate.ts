/** Synthetic data generation arrives with the scale work (see bench/README.md). */
export async function runGenerate(_args: string[]): Promise<void> {
  throw new Error('generate is not available yet in this build');
}
