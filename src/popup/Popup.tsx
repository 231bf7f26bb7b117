// The toolbar popup: what Selge is and which version is installed. Strings come through
// `t` (browser.i18n.getMessage in the extension) so the component renders under tests too.

export type Translate = (key: string, substitutions?: string[]) => string;

export interface PopupProps {
  t: Translate;
  version: string;
}

export function Popup({ t, version }: PopupProps) {
  return (
    <main class="selge-popup">
      <header class="selge-popup__header">
        <img class="selge-popup__logo" src="/icon/96.png" width={32} height={32} alt="" />
        <h1 class="selge-popup__title">{t('extName') || 'Selge'}</h1>
      </header>
      <p class="selge-popup__description">{t('popupDescription')}</p>
      <footer class="selge-popup__version" data-testid="version">
        {t('popupVersion', [version]) || version}
      </footer>
    </main>
  );
}
