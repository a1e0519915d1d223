/** Discord's message and embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  total: 6000,
  selectOptions: 25,
  selectLabel: 100,
  selectValue: 100,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
