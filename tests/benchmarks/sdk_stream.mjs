// The official Node SDK doing the same work as `atelier-cli generate --stream`: stream a
// generation with 3 partial images from the local fake server and write every image to disk.
// Usage: node sdk_stream.mjs BASE_URL OUT_DIR
import fs from "node:fs";
import path from "node:path";
import OpenAI from "openai";

const [baseURL, outDir] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey: "sk-benchmark", maxRetries: 0 });
const stream = await client.images.generate({
  model: "gpt-image-1.5",
  prompt: "benchmark",
  size: "1536x1024",
  stream: true,
  partial_images: 3,
});
for await (const event of stream) {
  const bytes = Buffer.from(event.b64_json, "base64");
  const name = event.type.endsWith("partial_image")
    ? `sdk-partial-${event.partial_image_index}.png`
    : "sdk.png";
  fs.writeFileSync(path.join(outDir, name), bytes);
}
