// Expands the statement cases of the ADL LRS conformance suite (github.com/adlnet/lrs-conformance-test-suite) into
// one JSON file per xAPI version, for the opt-in server test ConformanceSuiteCasesTest: every templated case
// (statement + expected 200/400) and a few signed statements made with the suite's own signer.
// Reads the suite, never copies it. Needs a checkout with `npm install` done.
//
//   node scripts/xapi-suite-cases.js /path/to/lrs-conformance-test-suite v1_0_3 /tmp/xapi-cases/v1_0_3.json
//   node scripts/xapi-suite-cases.js /path/to/lrs-conformance-test-suite v2_0   /tmp/xapi-cases/v2_0.json
//   mvn -pl server test -Dtest=ConformanceSuiteCasesTest -Dxapi.suite.cases=/tmp/xapi-cases
'use strict';
const fs = require('fs');
const path = require('path');

const [suite, directory, output] = process.argv.slice(2);
if (!suite || !directory || !output) {
  console.error('usage: node xapi-suite-cases.js <suite checkout> <v1_0_3|v2_0> <output.json>');
  process.exit(2);
}
process.env.EB_NODE_COMMAND = '1'; // keeps the suite's helper from reading its .env file
process.env.DIRECTORY = directory;
process.chdir(suite); // the helper reads templates relative to the working directory
const helper = require(path.join(suite, 'test', 'helper'));

const cases = [];
const configs = path.join(suite, 'test', directory, 'configs');
for (const file of fs.readdirSync(configs).filter(f => f.endsWith('.js'))) {
  for (const group of require(path.join(configs, file)).config()) {
    for (const test of group.config) {
      let statement = test.json;
      if (test.templates) {
        const merged = helper.createTestObject(helper.convertTemplate(JSON.parse(JSON.stringify(test.templates))));
        statement = merged[Object.keys(merged)[0]];
      }
      cases.push({file, name: test.name, expect: test.expect[0], statement});
    }
  }
}

// Signed statements as the suite builds them: the JWS is the second part of its multipart body.
const signed = [];
const signing = [
  [{}, 200, 'RS256'], [{algorithm: 'RS384'}, 200, 'RS384'], [{algorithm: 'RS512'}, 200, 'RS512'],
  [{algorithm: 'HS256'}, 400, 'HS256'], [{breakJson: true}, 400, 'payload is not JSON'],
  [{attachmentInfo: {contentType: 'text/plain; charset=ascii'}}, 400, 'signature with another content type'],
];
for (const [options, expect, name] of signing) {
  const statement = helper.createFromTemplate([{statement: '{{statements.default}}'}]).statement;
  statement.id = helper.generateUUID();
  const body = helper.signStatement(statement, options).toString('binary');
  const parts = body.split('--' + options.boundary);
  const jws = parts[2].split('\r\n\r\n').slice(1).join('\r\n\r\n').replace(/\r\n$/, '');
  signed.push({name, expect, statement, jws});
}

fs.mkdirSync(path.dirname(path.resolve(output)), {recursive: true});
fs.writeFileSync(output, JSON.stringify({cases, signed}, null, 1));
console.log(`${directory}: ${cases.length} cases, ${signed.length} signed statements -> ${output}`);
