// Checks AsyncAPI documents for the CpWebSocket tests: each with the official parser (@asyncapi/parser), and the
// messages given with it against the payload schema of the document's message they claim to be (Ajv, with the
// document as the schema their references point into).
//
//   node validate.js <request.json>
//
// request.json: {"documents": [{"name": "...", "text": "<JSON or YAML>", "messages": [{"message": "Say", "json": "{...}"}]}]}
// stdout:       {"documents": [{"name": "...", "errors": [...], "warnings": [...], "messages": [{"message": "Say", "errors": [...]}]}]}
'use strict';

const fs = require('fs');
const { Parser } = require('@asyncapi/parser');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const SEVERITY_ERROR = 0;
const SEVERITY_WARNING = 1;

function describe(diagnostic) {
  const where = diagnostic.path && diagnostic.path.length ? ` at ${diagnostic.path.join('.')}` : '';
  return `${diagnostic.code}: ${diagnostic.message}${where}`;
}

function checkMessages(text, messages) {
  if (!messages || messages.length === 0) {
    return [];
  }

  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return messages.map((m) => ({ message: m.message, errors: [`the document is not JSON, so its schemas were not used: ${error.message}`] }));
  }

  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'document');
  return messages.map((m) => {
    const validate = ajv.getSchema(`document#/components/messages/${m.message}/payload`);
    if (!validate) {
      return { message: m.message, errors: [`the document has no message '${m.message}'`] };
    }

    let json;
    try {
      json = JSON.parse(m.json);
    } catch (error) {
      return { message: m.message, errors: [`not JSON: ${error.message}`] };
    }

    const valid = validate(json);
    return {
      message: m.message,
      errors: valid ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} (${e.schemaPath})`),
    };
  });
}

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const parser = new Parser();
  const results = [];
  for (const doc of request.documents) {
    const { document, diagnostics } = await parser.parse(doc.text);
    const errors = diagnostics.filter((d) => d.severity === SEVERITY_ERROR).map(describe);
    if (!document && errors.length === 0) {
      errors.push('the parser returned no document');
    }

    results.push({
      name: doc.name,
      errors,
      warnings: diagnostics.filter((d) => d.severity === SEVERITY_WARNING).map(describe),
      messages: checkMessages(doc.text, doc.messages),
    });
  }

  process.stdout.write(JSON.stringify({ documents: results }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
