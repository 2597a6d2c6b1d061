"""Write articles/*.txt and gold/*.json of this set from the marked-up sources below.

Each source is (name, lang, published, title, body). In the body an expression is marked
``[[text|TYPE|VALUE]]``; the markup is removed and the offsets are computed on the final file
(header line included), and every gold span is checked to slice to its text.

    python tests/data/timex-fallback/make_gold.py

These articles are our own writing (Litopys authors), not copied from any source.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from timex_gold import write_set  # noqa: E402  (tests/data/timex_gold.py: markup -> files)

SOURCES = [
    # ------------------------------------------------------------------ German
    (
        "de_1",
        "de",
        "2025-09-04",
        "Außenminister beraten in Wien",
        "Die Außenminister Österreichs, Polens und der Slowakei sind [[gestern|DATE|2025-09-03]] in Wien "
        "zusammengekommen, um über die Sicherheitslage an der Ostgrenze der EU zu beraten. Das Treffen "
        "im Palais am Ballhausplatz begann um [[10.30 Uhr|TIME|2025-09-03T10:30]] und dauerte "
        "[[mehr als sechs Stunden|DURATION|PT6H]]. Zuletzt hatten sich die drei Minister im "
        "[[März 2023|DATE|2023-03]] in Bratislava getroffen. Seit [[2022|DATE|2022]] habe die Slowakei "
        "rund 1,8 Milliarden Euro für den Grenzschutz ausgegeben, sagte ihr Minister. Ein gemeinsames "
        "Papier mit 12 Punkten soll bis [[Ende Oktober|DATE|2025-10]] vorliegen. Die Gespräche werden "
        "[[nächste Woche|DATE|2025-W37]] in Warschau fortgesetzt, ein Gipfeltreffen der Regierungschefs "
        "ist für den [[17. November 2025|DATE|2025-11-17]] geplant. Die Polizei sperrte während des "
        "Treffens 3 Straßen in der Innenstadt.",
    ),
    (
        "de_2",
        "de",
        "2025-03-12",
        "Landgericht verurteilt früheren Manager",
        "Das Landgericht Frankfurt hat am [[Dienstag|DATE|2025-03-11]] einen früheren Vorstand eines "
        "Energieversorgers zu [[drei Jahren und sechs Monaten|DURATION|P3Y6M]] Haft verurteilt. Nach "
        "Überzeugung der Kammer hatte der 58-Jährige zwischen [[2016|DATE|2016]] und [[2019|DATE|2019]] "
        "Rechnungen über 4,2 Millionen Euro gefälscht. Der Prozess hatte im [[Oktober 2024|DATE|2024-10]] "
        "begonnen und umfasste 41 Verhandlungstage. Die Verteidigung kündigte an, binnen "
        "[[einer Woche|DURATION|P1W]] Revision einzulegen. Über die Revision entscheidet der "
        "Bundesgerichtshof voraussichtlich im [[Sommer|DATE|2025-SU]]. Das Urteil ist noch nicht "
        "rechtskräftig. Ein Mitangeklagter war bereits am [[28. Februar|DATE|2025-02-28]] in Saal 165 zu "
        "einer Bewährungsstrafe von 18 Monaten verurteilt worden.",
    ),
    (
        "de_3",
        "de",
        "2024-11-20",
        "Inflation steigt wieder",
        "Die Inflationsrate in Deutschland ist im [[Oktober|DATE|2024-10]] auf 2,0 Prozent gestiegen, wie "
        "das Statistische Bundesamt [[heute|DATE|2024-11-20]] mitteilte. Im [[September|DATE|2024-09]] "
        "hatte sie noch bei 1,6 Prozent gelegen, dem niedrigsten Wert seit [[Februar 2021|DATE|2021-02]]. "
        "Vor allem Lebensmittel verteuerten sich: Butter kostete im Schnitt 2,39 Euro je 250 Gramm. "
        "Ökonomen erwarten für [[Dezember|DATE|2024-12]] einen Wert von 2,4 Prozent. Die Europäische "
        "Zentralbank entscheidet am [[12. Dezember|DATE|2024-12-12]] über die Leitzinsen. Im "
        "Jahresdurchschnitt [[2023|DATE|2023]] hatte die Rate noch 5,9 Prozent betragen. Ähnlich hoch war "
        "sie zuletzt in den [[1970er Jahren|DATE|197]], als die Ölkrise die Preise trieb. Die nächste "
        "Schätzung wird am [[29. November um 10 Uhr|TIME|2024-11-29T10:00]] veröffentlicht.",
    ),
    (
        "de_4",
        "de",
        "2025-06-18",
        "Leverkusen verpflichtet Mittelfeldspieler",
        "Bayer Leverkusen hat am [[Montag|DATE|2025-06-16]] einen neuen Mittelfeldspieler vorgestellt. "
        "Der 24-Jährige unterschrieb einen Vertrag über [[fünf Jahre|DURATION|P5Y]] bis "
        "[[Juni 2030|DATE|2030-06]]. Die Ablöse soll bei 35 Millionen Euro liegen. In 32 Spielen erzielte "
        "er zuletzt 11 Tore. Sein erstes Training mit der Mannschaft ist für "
        "[[Donnerstag, 3. Juli|DATE|2025-07-03]], um [[9 Uhr|TIME|2025-07-03T09:00]] angesetzt. Das erste "
        "Bundesligaspiel der neuen Saison bestreitet Leverkusen am [[23. August|DATE|2025-08-23]]. "
        "Zuletzt hatte der Verein [[2024|DATE|2024]] die Meisterschaft gewonnen; das Pokalfinale gegen "
        "Kaiserslautern endete damals 1:0. Der Spieler wechselte [[vor zwei Jahren|DATE|2023]] aus der "
        "zweiten Liga in die Bundesliga.",
    ),
    # ------------------------------------------------------------------ French
    (
        "fr_1",
        "fr",
        "2025-10-02",
        "Paris et Rabat signent un accord",
        "La France et le Maroc ont signé [[mercredi|DATE|2025-10-01]] à Rabat un accord de coopération "
        "énergétique d'une valeur de 4,5 milliards d'euros. Le texte, négocié pendant "
        "[[deux ans|DURATION|P2Y]], prévoit la construction de 2 centrales solaires d'ici "
        "[[2030|DATE|2030]]. La cérémonie a commencé à [[11 heures|TIME|2025-10-01T11:00]] au palais "
        "royal. Le précédent accord entre les deux pays datait du [[24 octobre 2022|DATE|2022-10-24]]. "
        "Le ministre français doit revenir au Maroc en [[janvier|DATE|2026-01]]. Une commission mixte se "
        "réunira [[tous les six mois|SET|P6M]]. Les relations entre Paris et Rabat s'étaient tendues au "
        "[[début des années 2020|DATE|202]], avant une réconciliation scellée par une visite d'État de "
        "3 jours.",
    ),
    (
        "fr_2",
        "fr",
        "2025-01-15",
        "Un ancien maire condamné à Lyon",
        "Le tribunal correctionnel de Lyon a condamné [[ce mardi|DATE|2025-01-14]] l'ancien maire d'une "
        "commune du Rhône à [[dix-huit mois|DURATION|P18M]] de prison avec sursis pour favoritisme. Les "
        "faits se sont déroulés entre [[2015|DATE|2015]] et [[2018|DATE|2018]]. Selon l'accusation, "
        "27 marchés publics, pour un total de 3,1 millions d'euros, ont été attribués sans mise en "
        "concurrence. L'enquête avait été ouverte le [[9 mars 2020|DATE|2020-03-09]]. L'audience s'est "
        "achevée vers [[19 h 30|TIME|2025-01-14T19:30]]. Son avocat a annoncé qu'il ferait appel dans les "
        "[[dix jours|DURATION|P10D]]. Le procès en appel pourrait se tenir à l'[[automne|DATE|2025-FA]]. "
        "L'[[an dernier|DATE|2024]], deux de ses adjoints avaient déjà été condamnés.",
    ),
    (
        "fr_3",
        "fr",
        "2024-09-26",
        "Le chômage recule légèrement",
        "Le nombre de demandeurs d'emploi sans activité a reculé de 0,6 % au "
        "[[deuxième trimestre|DATE|2024-Q2]], selon les chiffres publiés [[ce jeudi|DATE|2024-09-26]] par "
        "le ministère du Travail. La France métropolitaine compte désormais 2,8 millions de chômeurs de "
        "catégorie A. En [[2023|DATE|2023]], le recul avait atteint 1,2 %. Le gouvernement vise un taux de "
        "chômage de 5 % en [[2027|DATE|2027]]. La réforme de l'assurance chômage, en vigueur depuis le "
        "[[1er février 2023|DATE|2023-02-01]], a réduit de 25 % la durée d'indemnisation. "
        "[[Hier|DATE|2024-09-25]], les syndicats ont dénoncé une baisse en trompe-l'œil. Les prochains "
        "chiffres seront publiés [[fin octobre|DATE|2024-10]].",
    ),
    (
        "fr_4",
        "fr",
        "2025-07-09",
        "Victoire d'étape pour un Français",
        "Le coureur français a remporté [[mardi|DATE|2025-07-08]] la quatrième étape du Tour de France, "
        "longue de 174 kilomètres, en [[4 heures 12 minutes|DURATION|PT4H12M]]. Il a franchi la ligne à "
        "[[17 h 21|TIME|2025-07-08T17:21]], avec 8 secondes d'avance sur le maillot jaune. C'est sa "
        "première victoire sur le Tour depuis [[2021|DATE|2021]]. Le peloton rejoindra Paris le "
        "[[dimanche 27 juillet|DATE|2025-07-27]]. La course, créée en [[1903|DATE|1903]], compte "
        "[[cette année|DATE|2025]] 21 étapes. L'étape de [[demain|DATE|2025-07-10]] partira d'Amiens à "
        "[[13 h 05|TIME|2025-07-10T13:05]]. Plus de 2 000 spectateurs attendaient les coureurs sur la "
        "ligne d'arrivée, malgré une chaleur de 34 degrés.",
    ),
    # ------------------------------------------------------------------ Spanish
    (
        "es_1",
        "es",
        "2024-12-11",
        "España y Marruecos refuerzan la cooperación",
        "Los ministros del Interior de España y Marruecos se reunieron [[ayer|DATE|2024-12-10]] en Madrid "
        "para revisar el acuerdo migratorio firmado el [[7 de abril de 2022|DATE|2022-04-07]]. Según el "
        "Gobierno, las llegadas irregulares a Canarias aumentaron un 18 % entre [[enero|DATE|2024-01]] y "
        "[[octubre|DATE|2024-10]], hasta 41.000 personas. La reunión duró [[tres horas|DURATION|PT3H]] y "
        "terminó a las [[14:15|TIME|2024-12-10T14:15]]. Ambos países crearán un grupo de trabajo que se "
        "reunirá [[cada mes|SET|P1M]]. La próxima cumbre bilateral se celebrará en "
        "[[febrero de 2025|DATE|2025-02]]. Desde [[2019|DATE|2019]], España ha destinado 500 millones de "
        "euros a la cooperación con Rabat, sobre todo en patrulleras y radares.",
    ),
    (
        "es_2",
        "es",
        "2025-04-23",
        "El Supremo confirma la condena a un exalcalde",
        "El Tribunal Supremo confirmó [[este martes|DATE|2025-04-22]] la condena de "
        "[[seis años|DURATION|P6Y]] de prisión impuesta a un exalcalde de la Costa del Sol por "
        "malversación. Los hechos ocurrieron en la [[década de los noventa|DATE|199]], cuando el "
        "ayuntamiento adjudicó 14 contratos por valor de 9,3 millones de euros. La Audiencia Provincial de "
        "Málaga lo había condenado el [[16 de noviembre de 2023|DATE|2023-11-16]]. El acusado deberá "
        "ingresar en prisión antes del [[15 de mayo|DATE|2025-05-15]]. Su defensa anunció que recurrirá "
        "al Tribunal Constitucional la [[próxima semana|DATE|2025-W18]]. El caso se inició "
        "[[hace casi veinte años|DATE|2005]] con una denuncia anónima.",
    ),
    (
        "es_3",
        "es",
        "2024-10-16",
        "El paro registrado vuelve a bajar",
        "El número de parados registrados en España bajó en [[septiembre|DATE|2024-09]] en 6.000 personas, "
        "hasta 2,58 millones, según los datos publicados [[hoy|DATE|2024-10-16]] por el Ministerio de "
        "Trabajo. Es la cifra más baja para ese mes desde [[2007|DATE|2007]]. El "
        "[[pasado mes de agosto|DATE|2024-08]] el paro había subido en 21.884 personas. La afiliación a la "
        "Seguridad Social alcanzó los 21,3 millones de trabajadores. El Gobierno aprobará el "
        "[[próximo martes|DATE|2024-10-22]] el techo de gasto para [[2025|DATE|2025]]. Los sindicatos han "
        "convocado una reunión para el [[jueves 24 de octubre|DATE|2024-10-24]] a las "
        "[[10.00 horas|TIME|2024-10-24T10:00]].",
    ),
    (
        "es_4",
        "es",
        "2025-02-19",
        "El Real Madrid remonta en Champions",
        "El Real Madrid venció [[anoche|TIME|2025-02-18TNI]] por 3-1 al Manchester City en el Santiago "
        "Bernabéu y se clasificó para los octavos de final. El partido comenzó a las "
        "[[21:00|TIME|2025-02-18T21:00]] y reunió a 78.000 espectadores. El delantero francés marcó su gol "
        "en el minuto 61. El equipo blanco no perdía en casa en esta competición desde "
        "[[marzo de 2023|DATE|2023-03]]. El sorteo de octavos se celebrará el [[viernes|DATE|2025-02-21]] "
        "en Nyon, y la ida se jugará el [[4|DATE|2025-03-04]] o el [[5 de marzo|DATE|2025-03-05]]. El club "
        "ganó su primera Copa de Europa en [[1956|DATE|1956]] y suma 15 títulos en la competición.",
    ),
    # ------------------------------------------------------------------ Polish
    (
        "pl_1",
        "pl",
        "2025-11-06",
        "Premierzy Polski i Litwy o granicy",
        "Premierzy Polski i Litwy spotkali się w [[środę|DATE|2025-11-05]] w Wilnie. Rozmowy trwały "
        "[[ponad cztery godziny|DURATION|PT4H]]. Oba kraje podpisały umowę o wspólnych patrolach, która "
        "wejdzie w życie [[1 stycznia 2026 r.|DATE|2026-01-01]] Według strony litewskiej od "
        "[[2021 roku|DATE|2021]] granicę próbowało nielegalnie przekroczyć ponad 20 tys. osób. Na "
        "umocnienia granicy Polska wydała dotąd 1,6 mld zł. Poprzednia umowa obowiązywała od "
        "[[maja 2022|DATE|2022-05]]. Konferencja prasowa rozpoczęła się o "
        "[[godz. 15.30|TIME|2025-11-05T15:30]]. Ministrowie obrony spotkają się w "
        "[[przyszłym tygodniu|DATE|2025-W46]], a kolejne spotkanie premierów zaplanowano na "
        "[[marzec|DATE|2026-03]].",
    ),
    (
        "pl_2",
        "pl",
        "2024-06-12",
        "Były prezes spółki skazany",
        "Sąd Okręgowy w Krakowie skazał we [[wtorek|DATE|2024-06-11]] byłego prezesa spółki budowlanej na "
        "[[cztery lata|DURATION|P4Y]] więzienia. Według prokuratury w latach [[2017|DATE|2017]]–"
        "[[2020|DATE|2020]] wyprowadził ze spółki 12 mln zł. Firma działała od [[lat 90.|DATE|199]] i "
        "zatrudniała 340 osób. Akt oskarżenia trafił do sądu w "
        "[[październiku 2022 r.|DATE|2022-10]], a proces trwał [[półtora roku|DURATION|P18M]]. Ogłoszenie "
        "wyroku w sali nr 104 rozpoczęło się o [[11.00|TIME|2024-06-11T11:00]]. Wyrok nie jest "
        "prawomocny; obrona zapowiedziała apelację. Sąd apelacyjny może zająć się sprawą "
        "[[jesienią|DATE|2024-FA]]. Oskarżony był już karany w [[2015 r.|DATE|2015]] za oszustwo "
        "podatkowe.",
    ),
    (
        "pl_3",
        "pl",
        "2025-05-28",
        "Inflacja w Polsce spada",
        "Inflacja w Polsce wyniosła w [[kwietniu|DATE|2025-04]] 4,3 proc. rok do roku, podał "
        "[[dziś|DATE|2025-05-28]] Główny Urząd Statystyczny. W [[marcu|DATE|2025-03]] wskaźnik wynosił "
        "4,9 proc. Rada Polityki Pieniężnej obniżyła [[7 maja|DATE|2025-05-07]] stopy procentowe po raz "
        "pierwszy od [[października 2023 r.|DATE|2023-10]] Ekonomiści spodziewają się, że w "
        "[[drugiej połowie roku|DATE|2025-H2]] inflacja spadnie poniżej 4 proc. Średnia cena benzyny 95 "
        "wynosiła w [[zeszłym tygodniu|DATE|2025-W21]] 5,89 zł za litr. Kolejne dane GUS opublikuje "
        "[[30 czerwca|DATE|2025-06-30]]. Najbardziej podrożały usługi związane z mieszkaniem, o 13,4 "
        "proc., a ceny żywności wzrosły o 5,5 proc. Prezes NBP zapowiedział, że konferencja prasowa "
        "odbędzie się w [[czwartek|DATE|2025-05-29]] o [[godz. 15|TIME|2025-05-29T15:00]].",
    ),
    (
        "pl_4",
        "pl",
        "2024-03-21",
        "Polska zagra w barażach z Estonią",
        "Reprezentacja Polski zmierzy się [[dziś wieczorem|TIME|2024-03-21TEV]] z Estonią w półfinale "
        "baraży o Euro 2024. Mecz na Stadionie Narodowym rozpocznie się o "
        "[[20.45|TIME|2024-03-21T20:45]]. Bilety, w cenie od 120 do 450 zł, wyprzedano w "
        "[[dwa dni|DURATION|P2D]]. Zwycięzca zagra we [[wtorek 26 marca|DATE|2024-03-26]] z Walią lub "
        "Finlandią. Selekcjoner, który objął kadrę we [[wrześniu 2023 r.|DATE|2023-09]], powołał 26 "
        "zawodników. W [[ubiegłym roku|DATE|2023]] drużyna wygrała tylko 3 z 8 meczów eliminacji. "
        "Ostatni raz Polska grała w barażach w [[1993 roku|DATE|1993]]. Na mecz przyjdzie około 56 tys. "
        "kibiców, a transmisję obejrzy według szacunków 8 mln widzów.",
    ),
    # ------------------------------------------------------------------ Turkish
    (
        "tr_1",
        "tr",
        "2025-08-13",
        "Türkiye ve Azerbaycan enerji anlaşması imzaladı",
        "Türkiye ve Azerbaycan dışişleri bakanları [[dün|DATE|2025-08-12]] Ankara'da bir araya gelerek "
        "doğal gaz anlaşması imzaladı. Anlaşma, [[1 Ocak 2026'dan|DATE|2026-01-01]] itibaren "
        "[[10 yıl|DURATION|P10Y]] boyunca geçerli olacak. Bakanlar, iki ülke arasındaki ticaret hacminin "
        "[[2024 yılında|DATE|2024]] 7,5 milyar dolara ulaştığını belirtti. Görüşme "
        "[[saat 11.00'de|TIME|2025-08-12T11:00]] başladı ve [[üç saat|DURATION|PT3H]] sürdü. Heyetler "
        "[[gelecek ay|DATE|2025-09]] Bakü'de yeniden görüşecek. İki ülke arasındaki ilk enerji anlaşması "
        "[[1990'larda|DATE|199]] imzalanmıştı. Yeni boru hattının kapasitesi yılda 16 milyar metreküp "
        "olacak. Anlaşmaya göre Azerbaycan, Türkiye'ye her yıl 4 milyar metreküp ek gaz satacak ve fiyat "
        "[[2 yılda bir|SET|P2Y]] yeniden belirlenecek.",
    ),
    (
        "tr_2",
        "tr",
        "2024-07-03",
        "Gazeteciye hapis cezası",
        "İstanbul 14. Ağır Ceza Mahkemesi, [[salı günü|DATE|2024-07-02]] bir gazeteciyi "
        "[[2 yıl 6 ay|DURATION|P2Y6M]] hapis cezasına çarptırdı. Gazeteci "
        "[[15 Mart 2023'te|DATE|2023-03-15]] gözaltına alınmış ve [[yaklaşık dört ay|DURATION|P4M]] "
        "tutuklu kalmıştı. Dava, Türk Ceza Kanunu'nun 299. maddesi kapsamında görüldü. Duruşma "
        "[[saat 10.30'da|TIME|2024-07-02T10:30]] başladı. Avukatlar kararı "
        "[[önümüzdeki hafta|DATE|2024-W28]] istinafa taşıyacaklarını açıkladı. Gazeteci "
        "[[2016'dan|DATE|2016]] bu yana aynı gazetede çalışıyor. [[Geçen yıl|DATE|2023]] aynı mahkemede "
        "yargılanan 3 gazeteci beraat etmişti. Kararın ardından adliye önünde toplanan yaklaşık 200 kişi, "
        "gazeteciye destek verdi. Gazetecinin avukatı, dosyada 45 sayfalık bir bilirkişi raporunun dikkate "
        "alınmadığını söyledi.",
    ),
    (
        "tr_3",
        "tr",
        "2025-12-03",
        "Yıllık enflasyon geriledi",
        "Türkiye İstatistik Kurumu'nun [[bugün|DATE|2025-12-03]] açıkladığı verilere göre yıllık enflasyon "
        "[[kasımda|DATE|2025-11]] yüzde 31,1'e geriledi. [[Ekim ayında|DATE|2025-10]] enflasyon yüzde "
        "32,9 olmuştu. Yıllık enflasyon [[Ekim 2022'de|DATE|2022-10]] yüzde 85,5 ile zirve yapmıştı. "
        "Merkez Bankası faiz kararını [[11 Aralık'ta|DATE|2025-12-11]] açıklayacak. Ekonomistler, "
        "enflasyonun [[2026 sonunda|DATE|2026]] yüzde 20'nin altına inmesini bekliyor. Gram altın "
        "[[dün|DATE|2025-12-02]] 5.700 liradan işlem gördü. Asgari ücret "
        "[[ocak ayından|DATE|2026-01]] itibaren yeniden belirlenecek. Gıda fiyatlarındaki artış yüzde "
        "28,4 olurken konut fiyatları yüzde 46 arttı. Bakanlık, orta vadeli programda [[2026|DATE|2026]] "
        "için yüzde 16'lık bir enflasyon hedefi belirlemişti. Aylık bazda ise fiyatlar yüzde 0,87 "
        "yükseldi.",
    ),
    (
        "tr_4",
        "tr",
        "2024-05-08",
        "Galatasaray şampiyonluğa yaklaştı",
        "Galatasaray, [[pazar akşamı|TIME|2024-05-05TEV]] deplasmanda 3-2 kazandı ve liderliğini sürdürdü. "
        "Maç [[saat 19.00'da|TIME|2024-05-05T19:00]] başladı. Sarı-kırmızılılar, ligin bitmesine "
        "[[üç hafta|DURATION|P3W]] kala 95 puana ulaştı. Takım son olarak [[2023'te|DATE|2023]] şampiyon "
        "olmuştu. Kulübün [[1905 yılında|DATE|1905]] kurulduğunu hatırlatan başkan, taraftarlara teşekkür "
        "etti. Sezonun son maçı [[26 Mayıs'ta|DATE|2024-05-26]] oynanacak. Teknik direktör sözleşmesini "
        "[[2026 yazına|DATE|2026-SU]] kadar uzattı. Takım [[yarın|DATE|2024-05-09]] antrenmanlara yeniden "
        "başlayacak. Stadyumda 52.000 taraftar vardı. Maçta 2 gol atan forvet, sezonu 24 golle "
        "tamamlamayı hedefliyor. Rakip takım ise 61 puanla ligde altıncı sırada bulunuyor ve Avrupa "
        "kupalarına katılma şansını büyük ölçüde kaybetti.",
    ),
]



if __name__ == "__main__":
    write_set(HERE, SOURCES)
