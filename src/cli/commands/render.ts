export async function renderCommand(): Promise<number> {
  return 0;
}
