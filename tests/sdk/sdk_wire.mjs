// Sends one request through the official Node SDK (openai 7.59.0), as an application would
// write it, for tst_sdkwire to compare with what atelier-cli sends for the same inputs.
// Usage: node sdk_wire.mjs BASE_URL FILES_DIR CASE_JSON
// CASE_JSON: {"endpoint": "generate"|"edit", "params": {...}, "files": {"image": "a.png" |
// ["a.png", ...], "mask": "...", "markup": "..."}}; params go to the SDK unchanged.
import fs from "node:fs";
import path from "node:path";
import OpenAI from "openai";

const [baseURL, filesDir, caseJson] = process.argv.slice(2);
const testCase = JSON.parse(caseJson);
const client = new OpenAI({ baseURL, apiKey: "sk-sdk-wire", maxRetries: 0 });

// Files as the SDK's README shows them: fs.createReadStream (sent with its base name).
const open = (name) => fs.createReadStream(path.join(filesDir, name));
const body = { ...testCase.params };
for (const [field, names] of Object.entries(testCase.files ?? {}))
  body[field] = Array.isArray(names) ? names.map(open) : open(names);

try {
  const answer =
    testCase.endpoint === "edit" ? await client.images.edit(body) : await client.images.generate(body);
  process.stdout.write(JSON.stringify({ ok: true, images: answer.data?.length ?? 0 }) + "\n");
} catch (error) {
  process.stderr.write(`the SDK's request failed: ${error.status ?? ""} ${error.message}\n`);
  process.exit(1);
}
