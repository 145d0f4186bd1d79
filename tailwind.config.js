/** @type {import('tailwindcss').Config} */
const colors = require('tailwindcss/colors');
const defaultTheme = require('tailwindcss/defaultTheme');

module.exports = {
  darkMode: 'class',
  content: [
    './templates/**/*.html',
    './apps/**/*.py',
    './apps/**/*.html',
    './static/js/**/*.js',
    // Templates shipped by crispy-tailwind inside the uv-managed venv.
    './.venv/lib/python*/site-packages/crispy_tailwind/templates/**/*.html',
  ],
  // Component classes from static/src/app.css are always emitted, so templates may
  // build them dynamically (e.g. `alert-{{ message.tags }}` for Django messages).
  safelist: [
    'btn', 'btn-primary', 'btn-secondary', 'btn-danger', 'btn-ghost',
    'card', 'input', 'link', 'badge',
    'alert', 'alert-success', 'alert-error', 'alert-info', 'alert-warning',
    'nav-link', 'nav-link-active', 'tab', 'tab-active', 'meter', 'save-state', 'item-rows', 'item-rows__list', 'item-rows__row', 'outline-compact', 'row-summary', 'theme-swatch', 'theme-swatch-minimal', 'theme-swatch-bold',
    'theme-swatch-editorial', 'theme-swatch-developer',
    'max-w-full', 'max-w-[820px]', 'max-w-[390px]',
    'upload-row', 'upload-name', 'upload-status', 'is-error', 'is-done', 'is-dragover', 'toast', 'is-fading',
    'badge-primary', 'badge-success', 'badge-warning', 'badge-danger', 'prose-links',
    'label', 'field-widget', 'help-text', 'field-error',
    'drag-handle', 'drag-ghost', 'drag-active',
    // Trix draws its toolbar itself (static/js/richtext.js).
    'rich-text-editor', 'trix-button', 'trix-button-row', 'trix-button-group', 'trix-button-group--file-tools', 'trix-button-group-spacer',
  ],
  theme: {
    extend: {
      colors: {
        // brand === Tailwind's violet palette (50–950).
        brand: colors.violet,
        // gray-500 is the muted-text shade, and no single grey reads at 4.5:1 on both schemes'
        // surfaces: Tailwind's #6b7280 gives 4.4:1 on gray-100 or a selected brand-50 row and
        // 3.7:1 on gray-900. So it is chosen per scheme (--gray-500 in static/src/app.css), and
        // `text-gray-500` passes on every panel of either scheme, dark variant or not.
        gray: { ...colors.gray, 500: 'rgb(var(--gray-500) / <alpha-value>)' },
      },
      fontFamily: {
        sans: ['"Inter var"', ...defaultTheme.fontFamily.sans],
      },
    },
  },
  plugins: [require('@tailwindcss/forms'), require('@tailwindcss/typography')],
};
