// `npm run analyze` writes custom-elements.json: the element's API (attributes, properties,
// events and their details, slots, parts, custom properties) read from the JSDoc on the class, for
// editors, Storybook's controls and the README's tables (test/node/readme-tables.test.mjs).
export default {
  globs: ['src/element/ktpay-checkout.ts'],
  outdir: '.',
  litelement: true,
  plugins: [kebabAttributes(), publicApiOnly(), asPublished()],
};

/**
 * The element names each property's attribute in kebab case (`orderId` → `order-id`, its
 * `createProperty`), which the analyzer cannot read: it would say `orderId`. Say it here.
 */
function kebabAttributes() {
  const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return {
    name: 'kebab-attributes',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (!declaration.tagName) continue;
        for (const attribute of declaration.attributes ?? []) {
          if (attribute.fieldName && [attribute.fieldName, attribute.fieldName.toLowerCase()].includes(attribute.name)) attribute.name = kebab(attribute.fieldName);
        }
        for (const member of declaration.members ?? []) {
          if (member.attribute && [member.name, member.name.toLowerCase()].includes(member.attribute)) member.attribute = kebab(member.name);
        }
      }
    },
  };
}

/** `#private` and `protected` members are not the element's API: leave them out of the manifest. */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) => !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public',
        );
      }
    },
  };
}

/**
 * Modules as the package ships them (the types beside dist/, not src/, which is not packed), and
 * the tag each element is registered under (`@tag`; the registration itself, in src/define.ts,
 * picks a name at run time, which the analyzer cannot read).
 */
function asPublished() {
  const published = (path) => path.replace(/^src\/(.+)\.ts$/, 'dist/types/$1.d.ts');
  return {
    name: 'as-published',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.path = published(module.path);
        for (const declaration of module.declarations ?? []) {
          if (!declaration.tagName) continue;
          module.exports = [
            ...(module.exports ?? []).filter((entry) => entry.kind !== 'custom-element-definition'),
            { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: module.path } },
          ];
        }
        for (const entry of module.exports ?? []) entry.declaration.module = published(entry.declaration.module);
      }
    },
  };
}
