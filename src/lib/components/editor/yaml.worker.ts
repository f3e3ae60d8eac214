// monaco-yaml's worker, wrapped in our own module as its README recommends for Vite.
import 'monaco-yaml/yaml.worker.js';
