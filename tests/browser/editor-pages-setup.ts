// Global setup: build the editor fixture pages (tests/.tmp/editor-pages/) once per run. Cheap
// when nothing changed: the build is skipped when its outputs are newer than its inputs.
import { buildEditorPages } from '../fixtures/editors/build';

export default async function setup(): Promise<void> {
  const result = await buildEditorPages();
  console.log(
    result.built
      ? `[browser tests] editor pages built in ${(result.ms / 1000).toFixed(1)} s`
      : '[browser tests] editor pages up to date',
  );
}
