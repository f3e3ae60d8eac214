// Monaco, set up once for the course: the slim editor API with only the contributions the lab
// editor uses, every worker bundled by Vite (no CDN), JSON and YAML language services fed our
// schemas. Imported only with import() from the editor component, so pages without an editor
// never load it. See /work/shared/toolchain.md for the two workarounds (worker paths, the
// createWebWorker shim for monaco-yaml).
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/shell/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { configureMonacoYaml, type SchemasSettings } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import YamlWorker from './yaml.worker?worker';
import { CLOUDFORMATION_YAML_TAGS, schemaFor, schemaUri, type SchemaId } from '$lib/editor-schemas';

globalThis.MonacoEnvironment = {
	getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : label === 'yaml' ? new YamlWorker() : new EditorWorker())
};

// monaco-yaml 5.5 still calls createWebWorker({moduleId, label, createData}); Monaco >= 0.53 wants {worker}.
const createWebWorker = monaco.editor.createWebWorker;
const monacoForYaml = {
	...monaco,
	editor: {
		...monaco.editor,
		createWebWorker(options: { worker?: Worker; moduleId?: string; label?: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean }) {
			if ('worker' in options) return createWebWorker(options as Parameters<typeof createWebWorker>[0]);
			const worker = globalThis.MonacoEnvironment!.getWorker!(options.moduleId ?? '', options.label ?? 'yaml') as Worker;
			worker.postMessage('ignore');
			worker.postMessage(options.createData);
			return createWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels } as Parameters<typeof createWebWorker>[0]);
		}
	}
} as unknown as typeof monaco;

const yaml = configureMonacoYaml(monacoForYaml, {
	enableSchemaRequest: false,
	validate: true,
	hover: true,
	completion: true,
	customTags: [...CLOUDFORMATION_YAML_TAGS],
	schemas: []
});

/** Which schema each model uses, by model URI; both language services are told the whole list. */
const jsonAssociations = new Map<string, { uri: string; schema: unknown }>();
const yamlAssociations = new Map<string, SchemasSettings>();

function publish(): void {
	jsonDefaults.setDiagnosticsOptions({
		validate: true,
		allowComments: false,
		enableSchemaRequest: false,
		schemaValidation: 'warning',
		schemas: [...jsonAssociations.entries()].map(([model, s]) => ({ uri: s.uri, fileMatch: [model], schema: s.schema as never }))
	});
	yaml.update({ schemas: [...yamlAssociations.values()] });
}

/** Gives a model its schema (JSON or YAML per the model's language). */
export async function associateSchema(model: monaco.editor.ITextModel, id: SchemaId): Promise<void> {
	const syntax = model.getLanguageId() === 'yaml' ? 'yaml' : 'json';
	const schema = await schemaFor(id, syntax);
	const key = model.uri.toString();
	if (syntax === 'json') jsonAssociations.set(key, { uri: schemaUri(id, syntax), schema });
	else yamlAssociations.set(key, { uri: schemaUri(id, syntax), fileMatch: [key], schema: schema as SchemasSettings['schema'] });
	publish();
}

export function forgetSchema(model: monaco.editor.ITextModel): void {
	const key = model.uri.toString();
	if (jsonAssociations.delete(key) || yamlAssociations.delete(key)) publish();
}

export { monaco };
