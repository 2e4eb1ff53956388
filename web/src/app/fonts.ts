import localFont from 'next/font/local';

/**
 * Vazirmatn from its npm package, only the weights the interface uses. next/font preloads them and
 * sizes the fallback font to match, so text does not jump when Vazirmatn arrives.
 */
export const vazirmatn = localFont({
  src: [
    { path: '../../node_modules/vazirmatn/fonts/webfonts/Vazirmatn-Regular.woff2', weight: '400', style: 'normal' },
    { path: '../../node_modules/vazirmatn/fonts/webfonts/Vazirmatn-Medium.woff2', weight: '500', style: 'normal' },
    { path: '../../node_modules/vazirmatn/fonts/webfonts/Vazirmatn-Bold.woff2', weight: '700', style: 'normal' },
  ],
  display: 'swap',
  variable: '--font-vazirmatn',
  fallback: ['system-ui', 'sans-serif'],
  adjustFontFallback: 'Arial',
});
