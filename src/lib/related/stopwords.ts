// French function words, written already folded (lowercase, no accents) because they are
// checked after folding. Content words stay out: IDF already discounts the common ones.
// One-letter elisions (l', d', qu'…) need no entry: tokens that short are dropped anyway.
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  `
au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma
mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi
ton tu un une vos votre vous ca ci ici
est sont etre ete etait etaient sera seront serait seraient soit suis es sommes etes fut
ai as avons avez ont avait avaient aura auront aurait auraient eu ayant
fait faire font peut peuvent pourrait pourraient doit doivent
plus moins tres trop peu bien aussi encore deja toujours jamais souvent parfois
tout tous toute toutes autre autres chaque certains certaines plusieurs quelque quelques
sans sous entre vers chez depuis pendant avant apres contre selon parmi lors dont
si non oui comme alors donc car ainsi puis cependant pourtant toutefois ni or
quand comment pourquoi quel quelle quels quelles lequel laquelle lesquels
celui celle ceux celles cela ceci aujourd hui lorsqu puisqu jusqu
afin deux trois mieux tant tel telle tels telles
`
    .split(/\s+/)
    .filter(Boolean),
);
