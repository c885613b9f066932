// The app sits inside the repository (where its linked node_modules really are), so Turbopack's
// root is the repository's; the test says where that is.
const root = process.env.KTPAY_REPOSITORY;
export default {
  ...(root ? { turbopack: { root }, outputFileTracingRoot: root } : {}),
  // One type-check is enough: the webpack build checks nothing the Turbopack build did not.
  typescript: { ignoreBuildErrors: process.env.KTPAY_SKIP_TYPECHECK === '1' },
};
