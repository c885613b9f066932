// The story files, read by .storybook/main.ts (what Storybook shows) and test/stories.test.ts
// (what it renders): a story file is in both or in neither. main.ts refuses an unlisted one.
export const STORY_FILES = ['button.stories.ts', 'loading.stories.ts', 'payment.stories.ts', 'epay.stories.ts', 'appearance.stories.ts', 'frameworks.stories.ts'];
