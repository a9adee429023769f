/**
 * Reads a response body as UTF-8 text, giving up (and cancelling the body) once it passes `limit`
 * bytes, so a hostile host cannot make the resolver buffer an endless body.
 *
 * @returns the text, or `undefined` when the body is longer than `limit` bytes
 */
export async function readLimitedText(
  response: Response,
  limit: number,
): Promise<string | undefined> {
  if (response.body === null) return '';

  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';

  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;

    if (size > limit) {
      await reader.cancel();

      return undefined;
    }

    text += decoder.decode(chunk.value, { stream: true });
  }

  return text + decoder.decode();
}
