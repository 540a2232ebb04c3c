import { createSignal, type JSX, Show, splitProps } from 'solid-js';
import { t } from '../lib/prefs.ts';

/**
 * A photo that opens at full size when tapped, over the page, with a large close button; the
 * phone's own pinch-zoom works there. Without <dialog> (an old WebView) the link opens the photo.
 * @example <ZoomPhoto src={url} alt={caption} width="96" height="96" loading="lazy" />
 */
export function ZoomPhoto(props: JSX.ImgHTMLAttributes<HTMLImageElement> & { src: string; alt: string }) {
  const [own, rest] = splitProps(props, ['src', 'alt']);
  const [open, setOpen] = createSignal(false);
  let dialog: HTMLDialogElement | undefined;
  const show = (e: MouseEvent) => {
    if (typeof HTMLDialogElement === 'undefined' || !('showModal' in HTMLDialogElement.prototype)) return;
    e.preventDefault();
    setOpen(true);
    dialog?.showModal();
  };
  return (
    <>
      <a href={own.src} class="zoom" target="_blank" rel="external noopener" onClick={show}>
        <img src={own.src} alt={own.alt} {...rest} />
        <span class="visually-hidden">{t('enlargePhoto')}</span>
      </a>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Escape and the close button are the keyboard's way out */}
      <dialog
        ref={dialog}
        class="lightbox"
        aria-label={own.alt || t('enlargePhoto')}
        onClose={() => setOpen(false)}
        // A tap on the dark margin closes it, as people expect of a photo viewer.
        onClick={(e) => e.target === e.currentTarget && dialog?.close()}
      >
        <Show when={open()}>
          <img src={own.src} alt={own.alt} />
        </Show>
        <form method="dialog">
          <button class="button" type="submit" autofocus>
            {t('closePhoto')}
          </button>
        </form>
      </dialog>
    </>
  );
}
