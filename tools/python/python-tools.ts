/**
 * Where the project's Python tools live: the project-local virtual environment `.venv/`,
 * filled by `tools/python/setup.sh` from the pinned `tools/python/requirements.txt`.
 * Nothing here looks at the machine's own Python packages or PATH.
 */
import { existsSync } from 'fs';
import { join } from 'path';

/** The repository root. */
const ROOT = join(__dirname, '..', '..');

/** The virtual environment: `.venv/` of the repository (FARGATE_KIT_VENV names another, to measure other tool versions). */
const VENV = process.env.FARGATE_KIT_VENV ?? join(ROOT, '.venv');

/** `bin/` of the virtual environment. */
export const VENV_BIN = join(VENV, 'bin');

/** How to install the tools, printed when one is missing. */
export const SETUP_HINT = 'install the project\'s Python tools with: bash tools/python/setup.sh (npm run demo and npx projen test:integ run it)';

/** The executables the project uses from `.venv/bin`. */
export type PythonTool = 'python' | 'aws' | 'cfn-lint';

/** The absolute path of a tool in `.venv/bin`; throws with the setup hint when it is not installed. */
export function pythonTool(name: PythonTool): string {
  const file = join(VENV_BIN, name);
  if (!existsSync(file)) throw new Error(`${name} is not installed in ${VENV_BIN}; ${SETUP_HINT}`);
  return file;
}

/** `env` with `.venv/bin` first on PATH, so child processes (the cdk CLI, shells) find the same tools. */
export function withVenvPath(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: `${VENV_BIN}:${env.PATH ?? ''}`, VIRTUAL_ENV: VENV };
}
