// Phrase signals for page furniture. These are an *extra* signal on top of the shape-based
// scoring in body.ts (which works for any script): they only ever apply to short lines, so a
// paragraph that happens to mention "share" or "cookie" is never affected.

export type FurnitureKind = 'furniture' | 'stop' | 'comments' | 'caption';

// Whole short lines that are buttons, prompts, ads, legal notices, analytics alt texts.
const FURNITURE = new RegExp(
  '^(?:' +
    [
      // sharing / social buttons
      '(?:share|teilen|partager|compartir|condividi|delen|udostępnij|поделиться|分享|共有)(?: (?:this|on|via|auf|sur|en|su|the|article|story|post|artikel)\\b.*)?',
      '(?:auf|in|via|on|sur) (?:facebook|twitter|whatsapp|messenger|e-?mail|linkedin|x|telegram|pinterest|xing|flipboard|reddit)(?: (?:teilen|share|partager))?',
      '(?:facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|email|e-mail|print|drucken|imprimer|copy link|link kopieren|tumblr|messenger|xing|flipboard|instagram|youtube|tiktok|rss|x|mail)',
      '(?:click|tap) (?:here )?to (?:share|email|print|tweet|pin|save|copy)\\b.*',
      '\\d*\\s*(?:share|teilen|partager)\\s*\\d*',
      '(?:like this|like loading|loading)\\b.*',
      '(?:tweet|pin it|like|follow us.*|folge(?:n)? (?:uns|mir).*|suivez-nous.*|síguenos.*|seguici.*|follow .* on .*)',
      // subscriptions, accounts
      '(?:subscribe|sign up|sign in|log ?in|log ?out|register|anmelden|abonnieren|registrieren|abmelden|s\'abonner|s\'inscrire|se connecter|suscríbete|suscribirse|iniciar sesión|iscriviti|accedi|abonneren|inloggen)\\b.{0,60}',
      // advertising
      '(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|advertentie|reklama|реклама|sponsored(?: content| by .*)?|promoted|ad|ads|continue reading below|story continues below.*|article continues below.*)',
      // cookies and consent
      '(?:ok|okay|accept|accept all|agree|i agree|got it|akzeptieren|alle akzeptieren|zustimmen|j\'accepte|accepter|aceptar|accetto|accetta)',
      // legal footer
      '(?:©|\\(c\\)|copyright\\b).{0,160}',
      '(?:impressum|imprint|terms(?: of (?:use|service))?|terms & conditions|privacy|datenschutz|agb|kontakt|contact(?: us)?|about us|über uns|mentions légales|aviso legal|sitemap|site map|faq|help|hilfe|careers|jobs|karriere)',
      // navigation helpers
      '(?:skip to (?:main )?content|skip navigation|zum inhalt springen|zur navigation|aller au contenu|ir al contenido|back to top|nach oben|top|menu|menü|search|suche|suchen|rechercher|buscar|cerca|home|startseite|accueil|inicio|next|previous|zurück|weiter|more|mehr|plus)',
      '(?:lea|lee|leia|leer|lire|leggi)(?: (?:más|mas|también|tambien|mais|também|aussi|anche|la suite))?\\s*:.{0,160}',
      '(?:mehr|more|plus de|más|mais|altre|meer) (?:themen|topics|sujets|temas|notizie|nieuws|news|zum thema|dazu)\\s*:?',
      '(?:read|lesen sie|lire|leer|leggi|lees)(?: (?:more|also|the full .*|mehr|auch|aussi|la suite|más|también|anche|ook|meer))\\b.{0,120}',
      '(?:also read|read also|see also|related|siehe auch|à lire aussi|a lire aussi|voir aussi|lee también|ver también|leggi anche|weiterlesen|continue reading|click here|watch|watch now|listen|jetzt lesen)\\b.{0,120}',
      // inline "related" labels, alone or in front of a linked headline
      '(?:czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|polecamy|przeczytaj (?:też|także)|auch lesen|mehr lesen|informate más|otras noticias|más sobre .{1,40}|pour approfondir|sur le même thème|noticias relacionadas)',
      '(?:vea también|ver también|lea también|lee también|mira|leia também|veja também|czytaj też|zobacz też|lesen sie auch|auch lesen|à lire aussi|lire aussi)\\s*:.{0,200}',
      '(?:zurück zur übersicht|back to overview|retour à la liste|volver al listado|inhaltsverzeichnis|table of contents|sommaire|índice|spis treści|jetzt registrieren|rezept drucken|print recipe|imprimer la recette|getaggt mit:?|was denkst du\\??)',
      '(?:this is a developing story|this story (?:has been|was) updated.*|developing story)\\.?',
      // analytics / tracking alt texts
      '(?:clicky|google analytics|statcounter|web analytics|quantcast|comscore|chartbeat|tracking pixel|pixel|counter|hit counter|free web counter|histats|yandex\\.metrica|liveinternet|tracker)',
      // comment furniture
      '(?:reply|antworten|répondre|responder|rispondi|reageren|odpowiedz|report|melden|permalink)',
      '.{1,50} (?:says|said|sagt|schreibt|schrieb|wrote|dit|a dit|dice|escribió|ha scritto|schreef)\\s*:',
      // counters and widgets
      '\\d+\\s*(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|shares?|views?|likes?|aufrufe|vues)',
      '(?:print this (?:page|article)|email this (?:page|article)|save|speichern|bookmark|merken|gift this article|listen to this article.*|font size.*|schriftgröße.*|text size.*)',
    ].join('|') +
    ')[.!:]?$',
  'iu',
);

// Share and sign-up prompts in a short line ("Teile diesen Beitrag auf", "Verpasse keine News").
const PROMPT_WORDS = /(?:^|[^\p{L}])(?:teile|teilen|share|partager|partagez|compartir|comparte|condividi|deel|sign up|signup|subscribe|abonnieren|abonniere|abonnez|suscríbete|suscribete|iscriviti|verpasse keine|verpassen sie keine|nie mehr verpassen|never miss|don't miss out|inscrivez-vous|registrieren sie sich)(?![\p{L}])/iu;
// A cookie banner sentence may be long, but it names cookies and asks for use/consent.
const COOKIE_BANNER = /cookie/i;
const COOKIE_VERBS = /(?:use|uses|using|verwenden|verwendet|nutzen|nutzt|einsetzen|utilis|usamos|utiliza|utilizziamo|gebruik|consent|zustimm|einwillig|akzept|accept)/i;

// Words that make a short line furniture wherever they stand in it.
const FURNITURE_WORDS = /(?:^|[^\p{L}])(?:newsletters?|cookies?|cookie-einstellungen|consent|datenschutzerklärung|privacy (?:policy|settings)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati)(?![\p{L}])/iu;

// Lines that open the comment section: what follows is readers' text, not the article.
const COMMENTS = new RegExp(
  '^(?:' +
    [
      // "13 Responses to …", "There are 13 comments" (a bare "11 Comments" is a counter by the byline)
      '(?:there (?:are|is) (?:\\d+|no|one)|no|one) (?:comments?|responses?|replies|thoughts|kommentare?|commentaires?|comentarios?|commenti|reacties|reactions)(?: so far)?(?: (?:on|to|zu|sur|en|su) .{0,100})?',
      '\\d+ (?:comments?|responses?|replies|thoughts|kommentare?|commentaires?|comentarios?|commenti|reacties|reactions) (?:on|to|zu|sur|en|su|for) .{1,100}',
      // plural only: a lone "Comment" is as often a table or form label
      '(?:comments|kommentare|commentaires|comentarios|commenti|reacties|reactions|responses|replies|diskussion|discussion)(?: \\(\\d+\\))?',
      '(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response).*',
      '(?:schreibe(?:n sie)?|hinterlasse(?:n sie)?|verfasse(?:n sie)?) (?:einen|ihren|deinen) kommentar.*',
      '(?:laisser|ajouter|écrire|laissez) (?:un|votre) commentaire.*',
      '(?:deja|escribe|añade|deje) (?:un|tu|su) comentario.*',
      '(?:lascia|scrivi) un commento.*',
      'join the (?:discussion|conversation).*',
      'hinterlasse (?:eine antwort|einen kommentar).*',
      '\\d+ (?:antworten|kommentare) (?:zu|auf) .{1,100}',
    ].join('|') +
    ')[.!:…\\s]*$',
  'iu',
);

// Lines that open the furniture after an article: tags, related links, most-read lists.
const STOP = new RegExp(
  '^(?:' +
    [
      '(?:posted|filed|published) (?:in|under) .{1,80}',
      '(?:tagged|tagged with|tags|schlagworte|stichworte|mots-clés|etiquetas)\\s*:?\\s+.{1,200}',
      '(?:related|more|recommended|popular|trending|top|latest|other)(?: \\w+){0,3} (?:articles?|stories|posts|news|reads|links|content|videos?|topics)',
      'more (?:from|on|in|about) .{0,60}',
      'you (?:may|might) (?:also )?(?:like|enjoy|be interested in).*',
      '(?:most (?:read|popular|viewed|shared|commented)|editor\'?s picks|recommended(?: for you)?|trending(?: now)?|hot this week|top stories|latest news|don\'t miss)',
      '(?:meistgelesen|meistkommentiert|meistgeteilt|kommentare lesen|auch auf .{2,30}|meistgelesene artikel|das könnte (?:sie|dich) auch interessieren|weitere artikel|mehr aus .{0,40}|auch interessant|empfohlen|neueste artikel|top-artikel)',
      '(?:à lire aussi|sur le même sujet|les plus lus|dans la même rubrique|articles? (?:liés|similaires))',
      '(?:lo más leído|noticias relacionadas|te puede interesar|más noticias|i più letti|articoli correlati|potrebbe interessarti)',
      '(?:mehr zum thema|zum thema|verwandte artikel|ähnliche artikel)',
      '(?:推荐阅读|相关阅读|相关新闻|相关文章|热门评论|热门推荐|猜你喜欢|延伸阅读|热点推荐|関連記事|おすすめ記事|人気記事|관련기사|많이 본 뉴스)',
      '(?:tags?|schlagwörter|themen|filed under|topics|categories|kategorien)\\s*:.{0,200}',
    ].join('|') +
    ')[.!:…\\s]*$',
  'iu',
);

// Picture captions and credits as crawlers keep them next to the image alt text.
const CAPTION = /^(?:media caption|image caption|image copyright|caption|photo|foto|bild|image|picture|credit|quelle|source|fotó|zdjęcie|фото)\s*[:：|]|^(?:media caption|image caption|image copyright)\b|(?:\((?:photo|foto|image|bild)[^)]{0,80}\)|\b(?:getty images|afp photo|ap photo|reuters\/|dpa\/|shutterstock|istock(?:photo)?|imago images|epa-efe)\b.{0,40})$/iu;

// An image file name kept as text ("WEB18-Facebook-1160x768.jpg").
const FILE_NAME = /^\S{1,120}\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?)$/i;

/** "Headline Headline": a teaser card's image alt text and title printed side by side. */
function doubled(text: string): boolean {
  const n = text.length;
  if (n < 11 || n % 2 === 0) return false;
  const half = (n - 1) / 2;
  return text[half] === ' ' && text.slice(0, half) === text.slice(half + 1);
}

export function furnitureKind(text: string, units: number): FurnitureKind | undefined {
  if (doubled(text)) return 'furniture';
  if (units <= 80 && COOKIE_BANNER.test(text) && COOKIE_VERBS.test(text)) return 'furniture';
  if (units > 25) return undefined;
  if (FILE_NAME.test(text)) return 'caption';
  if (COMMENTS.test(text)) return 'comments';
  if (STOP.test(text)) return 'stop';
  if (FURNITURE.test(text) || FURNITURE_WORDS.test(text)) return 'furniture';
  if (units <= 12 && PROMPT_WORDS.test(text)) return 'furniture';
  if (units <= 30 && CAPTION.test(text)) return 'caption';
  return undefined;
}
