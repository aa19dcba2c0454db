export async function playCommand(): Promise<number> {
  return 0;
}
