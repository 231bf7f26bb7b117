import browser from 'webextension-polyfill';
import { render } from 'preact';
import { Popup } from '../../src/popup/Popup';
import '../../src/popup/popup.css';

const t = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions);

// The language of the messages actually chosen (the UI language may have no catalogue here).
document.documentElement.lang = t('htmlLang') || 'en';
document.title = t('extName');

const root = document.getElementById('app');
if (!root) throw new Error('popup: #app is missing from index.html');
render(<Popup t={t} version={browser.runtime.getManifest().version} />, root);
