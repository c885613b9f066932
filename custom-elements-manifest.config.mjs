// `npm run analyze` writes custom-elements.json: the element's API (attributes, properties,
// events and their details, slots, parts, custom properties) read from the JSDoc on the class, for
// editors, Storybook's controls and the README's tables (test/node/readme-tables.test.mjs).
export default {
  globs: ['src/element/ktpay-checkout.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly()],
};

/** `#private` and `protected` members are not the element's API: leave them out of the manifest. */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public',
          );
        }
      }
    },
  };
}
