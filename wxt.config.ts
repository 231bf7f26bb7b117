import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { contentScriptReport, contentScriptSizes } from './src/build/bundle-size';

/** Sites a user may switch Selge on for (optional host permissions). */
const SWITCHABLE_SITES = ['https://*/*', 'http://*/*'];

// Thin build configuration: manifest facts live here, everything else in src/.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  // Version comes from package.json (WXT's default). Icons: public/icon/<size>.png.
  manifest: ({ browser }) => ({
    // Localised through public/_locales/<lang>/messages.json; the name stays "Selge".
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', ...(browser !== 'firefox' ? ['scripting'] : [])],
    // Any other site the user switches on from the popup; its content script is registered at
    // run time (src/background/site-access.ts). Built-in sites stay in content_scripts.
    ...(browser === 'firefox'
      ? { optional_permissions: [...SWITCHABLE_SITES] }
      : { optional_host_permissions: [...SWITCHABLE_SITES] }),
    // Chrome: the team dictionary policy (storage.managed). Firefox reads policies.json
    // 3rdparty.Extensions.<id> without a schema and warns about this key, so it is Chrome only.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' } }),
    // Firefox only: Chromium warns about the unknown key on chrome://extensions.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'selge@selge.ee', strict_min_version: '128.0' },
      },
    }),
  }),
  hooks: {
    // The content script's size against its budget (src/build/bundle-size.ts): printed, and
    // over budget the build fails.
    'build:done': (wxt, output) => {
      const files = output.steps.flatMap((step) => step.chunks.map((chunk) => chunk.fileName));
      for (const line of contentScriptReport(contentScriptSizes(wxt.config.outDir, files))) wxt.logger.info(`content script ${line}`);
    },
    // public/icon/selge.svg is the source of the PNGs (src/build/render-icons.ts); don't ship it.
    'build:publicAssets': (_wxt, files) => {
      const source = files.findIndex((file) => file.relativeDest === 'icon/selge.svg');
      if (source >= 0) files.splice(source, 1);
    },
  },
});
