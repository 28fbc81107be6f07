/**
 * The facts the docs state about the code, compared with the code (run by check-readme.sh).
 *
 * Each statement of README.md, docs/*.md and CONTRIBUTING.md (outside code blocks) of these
 * shapes is checked:
 *
 * - "eight constructs": the classes of the jsii assembly (.jsii) that extend constructs.Construct;
 * - "four topologies": the members of VpcTopology in the assembly;
 * - "five example stacks": the stacks of the example app (createExampleApp());
 * - a sentence about the demo that says it deploys ("the demo deploys three ...") or names example
 *   stacks ("npm run demo deploys Scorekeep, BatchJob and ManyServices"): the DEMO_STACKS of
 *   tools/demo-stacks.ts that the example app has, by number and by name;
 * - "assemblies of ten stacks or more" (the report's progress lines): PROGRESS_MIN_STACKS;
 * - a table with a "Stability" column: each type or `Type.member` named in its first cell has
 *   that stability in the assembly, and so has each member the cell names after a ';'
 *   ("stable; `serviceConnect` and `calls` experimental") on the row's types or their props;
 * - a table whose first column is "Construct" names every construct of the assembly, and only
 *   those; the "topology" table of docs/fargate-vpc.md names every VpcTopology member.
 *
 * Then it checks itself: every statement it found, made wrong (the number one higher, the other
 * stability, a stack name left out), must fail the check; otherwise the comparison is broken.
 *
 * Usage: tsx tools/ci/doc-facts.ts FILE... (run from the repository root, after `npx projen compile`).
 */
import { readFileSync } from 'fs';
import { createExampleApp, exampleStacks } from '../../examples/scenarios';
import { PROGRESS_MIN_STACKS } from '../../src/report/cli';
import { DEMO_STACKS } from '../demo-stacks';

/** What the code says. */
export interface CodeFacts {
  /** The construct classes of the public API. */
  readonly constructs: string[];
  /** The members of VpcTopology. */
  readonly topologies: string[];
  /** The stacks of the example app. */
  readonly exampleStacks: string[];
  /** The stacks `npm run demo` deploys. */
  readonly demoStacks: string[];
  /** From how many stacks on the report prints a progress line per stack. */
  readonly reportProgressMinStacks: number;
  /** The stability of each type (`Type`) and member (`Type.member`) of the assembly. */
  readonly stability: Record<string, string>;
  /** The base interfaces of each interface of the assembly (to find a member a props type inherits). */
  readonly bases: Record<string, string[]>;
}

/** One Markdown file. */
export interface DocFile {
  readonly name: string;
  readonly text: string;
}

/** A statement about the code, where it is and how to make it wrong (for the self-check). */
export interface Statement {
  readonly file: string;
  readonly line: number;
  /** What it states, for the summary. */
  readonly what: string;
  /** Empty when the statement is true. */
  readonly problem?: string;
  /** The file's text with this statement made wrong. */
  readonly falsified: string;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const NUM = `(\\d+|${NUMBER_WORDS.join('|')})`;

function numberOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word.toLowerCase());
}

/** The same number one higher, in the same form (digits or word, same capitalization). */
function otherNumber(word: string): string {
  const n = numberOf(word) + 1;
  if (/^\d+$/.test(word)) return String(n);
  const w = NUMBER_WORDS[n] ?? String(n);
  return word[0] === word[0].toUpperCase() ? w[0].toUpperCase() + w.slice(1) : w;
}

function spell(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** The text with fenced code blocks blanked (line numbers kept). */
function withoutCodeBlocks(md: string): string {
  return md.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, m => m.replace(/[^\n]/g, ' '));
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** `text` with `[start, end)` replaced. */
function splice(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

/**
 * The sentences of a Markdown text, with their offsets: paragraphs split at blank lines, table
 * rows, list items and headings, then at sentence ends.
 */
function sentences(md: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const blocks: { text: string; start: number }[] = [];
  let current: { text: string; start: number } | undefined;
  let offset = 0;
  for (const line of md.split('\n')) {
    const starts = line.trim() === '' || /^\s*(\||[-*+]\s|\d+\.\s|#)/.test(line);
    if (starts && current) { blocks.push(current); current = undefined; }
    if (line.trim() !== '') {
      if (current) current.text += '\n' + line;
      else current = { text: line, start: offset };
    }
    offset += line.length + 1;
  }
  if (current) blocks.push(current);
  for (const b of blocks) {
    let start = 0;
    for (const m of b.text.matchAll(/[.!?](?=\s+[A-Z`*(\[])/g)) {
      out.push({ text: b.text.slice(start, m.index! + 1), start: b.start + start });
      start = m.index! + 1;
    }
    out.push({ text: b.text.slice(start), start: b.start + start });
  }
  return out;
}

/** A Markdown table: its header cells and rows (cells with their offsets in the file). */
interface Table {
  readonly header: string[];
  readonly rows: { cells: { text: string; start: number }[]; line: number }[];
}

function tables(md: string): Table[] {
  const out: Table[] = [];
  const lines = md.split('\n');
  let offset = 0;
  const offsets = lines.map(l => { const o = offset; offset += l.length + 1; return o; });
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith('|') || !/^\|[\s:|-]+\|\s*$/.test(lines[i + 1])) continue;
    const header = splitRow(lines[i], offsets[i]).map(c => c.text.trim());
    const rows: Table['rows'] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].startsWith('|'); j++) rows.push({ cells: splitRow(lines[j], offsets[j]), line: j + 1 });
    out.push({ header, rows });
    i = j;
  }
  return out;
}

function splitRow(line: string, lineStart: number): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let start = 1;
  let inCode = false;
  for (let k = 1; k < line.length; k++) {
    if (line[k] === '`') inCode = !inCode;
    if (line[k] === '|' && !inCode && line[k - 1] !== '\\') {
      cells.push({ text: line.slice(start, k), start: lineStart + start });
      start = k + 1;
    }
  }
  return cells;
}

function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map(m => m[1]);
}

/** Every statement about the code in `file`, true or not. */
export function statements(file: DocFile, facts: CodeFacts): Statement[] {
  const out: Statement[] = [];
  const md = withoutCodeBlocks(file.text);
  const at = (index: number) => lineAt(md, index);

  const counted = (re: RegExp, what: string, actual: number, names: string, but = `there are ${actual} ${what}`) => {
    for (const m of md.matchAll(re)) {
      const start = m.indices![1]![0];
      const word = m[1];
      const stated = numberOf(word);
      out.push({
        file: file.name,
        line: at(start),
        what: `${actual} ${what}`,
        problem: stated === actual ? undefined
          : `says '${m[0].replace(/\s+/g, ' ')}', but ${but} (${names}). Fix: write '${m[0].replace(word, spell(actual))}', or change the code.`,
        falsified: splice(file.text, start, start + word.length, otherNumber(word)),
      });
    }
  };
  counted(new RegExp(`\\b${NUM}\\s+(?:public\\s+|L3\\s+)?constructs\\b`, 'dgi'), 'constructs',
    facts.constructs.length, `the classes of the jsii assembly that extend Construct: ${facts.constructs.join(', ')}`);
  counted(new RegExp(`\\b${NUM}\\s+(?:VPC\\s+|network\\s+)?topologies\\b`, 'dgi'), 'topologies',
    facts.topologies.length, `VpcTopology: ${facts.topologies.join(', ')}`);
  counted(new RegExp(`\\b${NUM}\\s+example\\s+stacks\\b`, 'dgi'), 'example stacks',
    facts.exampleStacks.length, `createExampleApp() in examples/scenarios.ts: ${facts.exampleStacks.join(', ')}`);
  counted(new RegExp(`\\bassemblies\\s+of\\s+${NUM}\\s+stacks\\s+or\\s+more\\b`, 'dgi'), 'stacks from which the report prints progress',
    facts.reportProgressMinStacks, 'PROGRESS_MIN_STACKS in src/report/cli.ts', `the report prints progress lines from ${facts.reportProgressMinStacks} stacks on`);

  // sentences about what the demo deploys: the number and the names of its stacks
  for (const s of sentences(md)) {
    if (!/\bdemo\b/i.test(s.text) || !/\bdeploy/i.test(s.text)) continue;
    const demo = facts.demoStacks;
    const count = new RegExp(`\\bdeploys?\\s+${NUM}\\b`, 'i').exec(s.text);
    if (count) {
      const start = s.start + count.index + count[0].length - count[1].length;
      out.push({
        file: file.name,
        line: at(start),
        what: `the demo deploys ${demo.length} stacks`,
        problem: numberOf(count[1]) === demo.length ? undefined
          : `says the demo deploys ${count[1]} stacks, but it deploys ${demo.length} (${demo.join(', ')}: DEMO_STACKS of tools/demo-stacks.ts that the example app has). Fix: write '${spell(demo.length)}', or change DEMO_STACKS.`,
        falsified: splice(file.text, start, start + count[1].length, otherNumber(count[1])),
      });
    }
    const named = facts.exampleStacks.map(name => ({ name, m: new RegExp(`\\b${name}\\b`).exec(s.text) })).filter(n => n.m);
    if (named.length > 0) {
      const names = named.map(n => n.name);
      const missing = demo.filter(d => !names.includes(d));
      const extra = names.filter(n => !demo.includes(n));
      // made wrong: the first demo stack it names, renamed to an example stack the demo does not deploy (or left out)
      const first = named.find(n => demo.includes(n.name)) ?? named[0];
      const other = facts.exampleStacks.find(e => !demo.includes(e) && !names.includes(e));
      const start = s.start + first.m!.index;
      out.push({
        file: file.name,
        line: at(start),
        what: `the demo deploys ${demo.join(', ')}`,
        problem: missing.length === 0 && extra.length === 0 ? undefined
          : `a sentence about what the demo deploys names ${names.join(', ')}, but the demo deploys ${demo.join(', ')} (DEMO_STACKS of tools/demo-stacks.ts).${missing.length ? ` Missing: ${missing.join(', ')}.` : ''}${extra.length ? ` Not deployed by the demo: ${extra.join(', ')}.` : ''} Fix: name exactly the demo's stacks, or change DEMO_STACKS.`,
        falsified: splice(file.text, start, start + first.name.length, other ?? 'SomethingElse'),
      });
    }
  }

  for (const table of tables(md)) {
    // the construct table names every construct, and only those
    if (table.header[0]?.toLowerCase() === 'construct') {
      const firstCells = table.rows.map(r => r.cells[0]);
      const listed = new Set(firstCells.flatMap(c => codeSpans(c.text)).filter(n => /^[A-Z]\w*$/.test(n)));
      const missing = facts.constructs.filter(c => !listed.has(c));
      const extra = [...listed].filter(n => !facts.constructs.includes(n) && facts.stability[n] === undefined);
      const row = table.rows.find(r => codeSpans(r.cells[0].text).some(n => facts.constructs.includes(n)));
      const victim = row && codeSpans(row.cells[0].text).find(n => facts.constructs.includes(n))!;
      const start = row ? row.cells[0].start + row.cells[0].text.indexOf('`' + victim + '`') + 1 : 0;
      out.push({
        file: file.name,
        line: row?.line ?? 0,
        what: `a table of the ${facts.constructs.length} constructs`,
        problem: missing.length === 0 && extra.length === 0 ? undefined
          : `the construct table${missing.length ? ` misses ${missing.join(', ')}` : ''}${extra.length ? `${missing.length ? ' and' : ''} names ${extra.join(', ')}, which the assembly does not have` : ''}. Fix: one row per construct class of the jsii assembly.`,
        falsified: row ? splice(file.text, start, start + victim!.length, `${victim}Gone`) : file.text + '\n| Construct |\n|---|\n',
      });
    }
    // the topology table of the FargateVpc guide names every topology
    if (file.name.endsWith('fargate-vpc.md') && table.header[0]?.toLowerCase() === 'topology') {
      const listed = table.rows.map(r => codeSpans(r.cells[0].text)[0]).filter(Boolean);
      const missing = facts.topologies.filter(t => !listed.includes(t));
      const extra = listed.filter(t => !facts.topologies.includes(t));
      const row = table.rows[0];
      const start = row.cells[0].start + row.cells[0].text.indexOf('`') + 1;
      out.push({
        file: file.name,
        line: row.line,
        what: `a table of the ${facts.topologies.length} topologies`,
        problem: missing.length === 0 && extra.length === 0 ? undefined
          : `the topology table${missing.length ? ` misses ${missing.join(', ')}` : ''}${extra.length ? ` names ${extra.join(', ')}, which VpcTopology does not have` : ''}. Fix: one row per VpcTopology member.`,
        falsified: splice(file.text, start, start + listed[0].length, `${listed[0]}_GONE`),
      });
    }
    // stability columns
    const col = table.header.findIndex(h => h.toLowerCase() === 'stability');
    if (col < 0) continue;
    for (const row of table.rows) {
      const cell = row.cells[col];
      if (!cell) continue;
      const names = codeSpans(row.cells[0].text).filter(n => /^[A-Z]\w*(\.\w+)?$/.test(n));
      const [head, ...tails] = cell.text.split(';');
      const word = /\b(stable|experimental|deprecated)\b/i.exec(head);
      if (!word || names.length === 0) continue;
      const wordStart = cell.start + word.index;
      const flipped = (w: string) => w.toLowerCase() === 'stable' ? 'experimental' : 'stable';
      for (const name of names) {
        const actual = facts.stability[name];
        out.push({
          file: file.name,
          line: row.line,
          what: `${name} is ${word[1].toLowerCase()}`,
          problem: actual === undefined ? `names ${name}, which the jsii assembly does not have. Fix: use the API's current name.`
            : actual !== word[1].toLowerCase() ? `says ${name} is ${word[1]}, but the jsii assembly says ${actual}. Fix: write '${actual}', or change the @experimental / @deprecated tag in src/.` : undefined,
          falsified: splice(file.text, wordStart, wordStart + word[1].length, flipped(word[1])),
        });
      }
      // "stable; `a` and `b` experimental, `c` deprecated": each stability word covers the
      // members named before it (since the previous one), looked up on the row's types or their props
      const tailsStart = cell.start + head.length + 1;
      const tailText = tails.join(';');
      let pending: string[] = [];
      for (const m of tailText.matchAll(/`([^`]+)`|\b(stable|experimental|deprecated)\b/gi)) {
        if (m[1] !== undefined) { pending.push(m[1]); continue; }
        const tStart = tailsStart + m.index!;
        for (const member of pending) {
          const owner = memberOwner(names, member, facts);
          const actual = owner && facts.stability[`${owner}.${member}`];
          out.push({
            file: file.name,
            line: row.line,
            what: `${owner ?? names.join('/')}.${member} is ${m[2].toLowerCase()}`,
            problem: owner === undefined ? `says \`${member}\` of ${names.join(', ')} is ${m[2]}, but neither it nor its props have a member ${member}. Fix: use the member's current name.`
              : actual !== m[2].toLowerCase() ? `says ${owner}.${member} is ${m[2]}, but the jsii assembly says ${actual}. Fix: write '${actual}', or change its tag in src/.` : undefined,
            falsified: splice(file.text, tStart, tStart + m[2].length, flipped(m[2])),
          });
        }
        pending = [];
      }
    }
  }
  return out;
}

/** The type among `types`, their props interfaces and those interfaces' bases that has `member`. */
function memberOwner(types: string[], member: string, facts: CodeFacts): string | undefined {
  const seen = new Set<string>();
  const queue = types.flatMap(t => [t, `${t}Props`]);
  while (queue.length > 0) {
    const t = queue.shift()!;
    if (seen.has(t)) continue;
    seen.add(t);
    if (facts.stability[`${t}.${member}`] !== undefined) return t;
    queue.push(...(facts.bases[t] ?? []));
  }
  return undefined;
}

/** The problems of all files, and how many statements were checked. */
export function checkDocs(files: DocFile[], facts: CodeFacts): { statements: Statement[]; problems: string[] } {
  const all = files.flatMap(f => statements(f, facts));
  return { statements: all, problems: all.filter(s => s.problem).map(s => `${s.file}:${s.line}: ${s.problem}`) };
}

/**
 * The self-check: each true statement, made wrong in its file, must give a problem on its line
 * that the true text does not have. Returns the statements for which it did not.
 */
export function selfCheck(files: DocFile[], facts: CodeFacts): Statement[] {
  const failed: Statement[] = [];
  for (const file of files) {
    const truth = statements(file, facts);
    const before = new Set(truth.filter(s => s.problem).map(s => `${s.line}: ${s.problem}`));
    for (const s of truth.filter(t => !t.problem)) {
      const after = statements({ name: file.name, text: s.falsified }, facts).filter(t => t.problem && !before.has(`${t.line}: ${t.problem}`));
      if (!after.some(t => t.line === s.line)) failed.push(s);
    }
  }
  return failed;
}

/** The facts a jsii assembly holds: constructs, topologies, stabilities, interface bases. */
export function assemblyFacts(assembly: any): Pick<CodeFacts, 'constructs' | 'topologies' | 'stability' | 'bases'> {
  const prefix = `${assembly.name}.`;
  const short = (fqn: string) => fqn.startsWith(prefix) ? fqn.slice(prefix.length) : fqn;
  const types: Record<string, any> = assembly.types;
  const isConstruct = (fqn: string | undefined): boolean =>
    fqn === 'constructs.Construct' || (fqn !== undefined && types[fqn] !== undefined && isConstruct(types[fqn].base));
  const stability: Record<string, string> = {};
  const bases: Record<string, string[]> = {};
  for (const [fqn, t] of Object.entries(types)) {
    const name = short(fqn);
    stability[name] = t.docs?.stability ?? assembly.docs?.stability ?? 'stable';
    for (const m of [...(t.properties ?? []), ...(t.methods ?? []), ...(t.members ?? [])]) {
      stability[`${name}.${m.name}`] = m.docs?.stability ?? stability[name];
    }
    if (t.kind === 'interface') bases[name] = (t.interfaces ?? []).map(short);
  }
  const topology = types[`${prefix}VpcTopology`];
  return {
    constructs: Object.entries(types).filter(([, t]) => t.kind === 'class' && isConstruct(t.base)).map(([fqn]) => short(fqn)).sort(),
    topologies: (topology?.members ?? []).map((m: { name: string }) => m.name),
    stability,
    bases,
  };
}

function main(paths: string[]): void {
  const examples = exampleStacks(createExampleApp()).map(s => s.node.id);
  const facts: CodeFacts = {
    ...assemblyFacts(JSON.parse(readFileSync('.jsii', 'utf-8'))),
    exampleStacks: examples,
    demoStacks: DEMO_STACKS.filter(s => examples.includes(s)),
    reportProgressMinStacks: PROGRESS_MIN_STACKS,
  };
  if (facts.constructs.length === 0 || facts.topologies.length === 0) throw new Error('the assembly has no constructs or no VpcTopology: is .jsii this package\'s?');
  const files = paths.map(name => ({ name, text: readFileSync(name, 'utf-8') }));
  const { statements: all, problems } = checkDocs(files, facts);
  if (problems.length > 0) {
    console.error(problems.map(p => `FAIL: ${p}`).join('\n'));
    console.error('check-readme: the docs state numbers or stabilities the code does not have (see above)');
    process.exit(1);
  }
  // every kind of statement must be made at least once, or the check would pass by having nothing to check
  const kinds = ['constructs', 'topologies', 'example stacks', 'the demo deploys', 'is '];
  const absent = kinds.filter(k => !all.some(s => s.what.includes(k)));
  if (absent.length > 0) {
    console.error(`FAIL: the docs no longer state: ${absent.join('; ')} (the statements this check compares; see tools/ci/doc-facts.ts)`);
    process.exit(1);
  }
  const broken = selfCheck(files, facts);
  if (broken.length > 0) {
    console.error(broken.map(s => `FAIL: self-check: ${s.file}:${s.line} (${s.what}) made wrong does not fail the check`).join('\n'));
    process.exit(1);
  }
  const count = (k: string) => all.filter(s => s.what.includes(k)).length;
  console.log(`check-readme: ${all.length} statements about the code agree with it, and each, made wrong, fails this check: `
    + `${facts.constructs.length} constructs (${count('constructs')}×), ${facts.topologies.length} topologies (${count('topologies')}×), `
    + `${facts.exampleStacks.length} example stacks (${count('example stacks')}×), the demo's ${facts.demoStacks.join(', ')} (${count('the demo deploys')}×), `
    + `${count(' is ')} stabilities`);
}

if (require.main === module) {
  main(process.argv.slice(2));
}
