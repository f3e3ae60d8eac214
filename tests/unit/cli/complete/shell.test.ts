// Shell-level completion: variables, file paths, quoting and escaping.
import { describe, expect, it } from 'vitest';
import { needsTrailingSpace } from '../../../../src/lib/cli/complete';
import { given, session, tab, words } from './helpers';

const FILES = { 'template.yaml': 'Resources: {}', 'app/Dockerfile': 'FROM alpine', 'app/main.py': 'print(1)', 'my notes.txt': 'n', "it's.txt": 'q' };

describe('variables', () => {
	it('completes $NAME and ${NAME} from the environment, replacing from the $', async () => {
		const s = session();
		await given(s, 'export REGION=us-west-2 REPO=web');
		expect(await tab(s, 'echo $RE')).toEqual({ from: 5, to: 8, candidates: ['$REGION', '$REPO'] });
		expect(await tab(s, 'echo ${HO')).toEqual({ from: 5, to: 9, candidates: ['${HOME}'] });
		expect(await words(s, 'echo pre-$US')).toEqual(['$USER']);
		expect(await words(s, 'echo $')).toEqual(['$HOME', '$PWD', '$REGION', '$REPO', '$USER']);
	});

	it('closes an open double quote after the variable, and leaves single quotes alone', async () => {
		const s = session();
		expect(await words(s, 'echo "x $HO')).toEqual(['$HOME"']);
		expect(await words(s, "echo '$HO")).toEqual([]);
	});

	it('offers variable names to export and unset', async () => {
		const s = session();
		await given(s, 'export REGION=us-west-2');
		expect(await words(s, 'unset RE')).toEqual(['REGION']);
	});

	it('uses a variable already on the line as its value', async () => {
		const s = session();
		await given(s, 'export OUT=ta');
		expect(await tab(s, 'aws ecr describe-repositories --output ${OUT}b')).toEqual({ from: 39, to: 46, candidates: ['${OUT}ble'] });
		// Right after the name it is still the variable being typed.
		expect(await words(s, 'aws ecr describe-repositories --output $OU')).toEqual(['$OUT']);
	});
});

describe('file paths', () => {
	it('completes cat and ls arguments one directory at a time', async () => {
		const s = session(FILES);
		expect(await words(s, 'cat ')).toEqual(['app/', "it\\'s.txt", 'my\\ notes.txt', 'template.yaml']);
		expect(await words(s, 'cat a')).toEqual(['app/']);
		expect(await words(s, 'ls app/')).toEqual(['app/Dockerfile', 'app/main.py']);
		expect(await words(s, 'cat ./t')).toEqual(['./template.yaml']);
	});

	it('escapes a space unquoted, and keeps and closes an open quote', async () => {
		const s = session(FILES);
		expect(await words(s, 'cat my')).toEqual(['my\\ notes.txt']);
		expect(await words(s, 'cat my\\ n')).toEqual(['my\\ notes.txt']);
		expect(await words(s, 'cat "my')).toEqual(['"my notes.txt"']);
		expect(await words(s, "cat 'my")).toEqual(["'my notes.txt'"]);
		expect(await words(s, "cat 'it")).toEqual(["'it'\\''s.txt'"]);
		expect(await words(s, 'cat "a')).toEqual(['"app/']);
	});

	it('says when the caller should add a space: not after = or /', () => {
		expect(needsTrailingSpace('template.yaml')).toBe(true);
		expect(needsTrailingSpace('"my notes.txt"')).toBe(true);
		expect(needsTrailingSpace('app/')).toBe(false);
		expect(needsTrailingSpace('file://')).toBe(false);
		expect(needsTrailingSpace('imageTag=')).toBe(false);
	});
});
