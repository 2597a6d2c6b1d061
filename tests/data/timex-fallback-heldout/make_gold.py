"""Write articles/*.txt and gold/*.json of the held-out set from the marked-up sources below.

Each source is (name, lang, published, title, body). In the body an expression is marked
``[[text|TYPE|VALUE]]``; the markup is removed and the offsets are computed on the final file
(header line included), and every gold span is checked to slice to its text.

    python tests/data/timex-fallback-heldout/make_gold.py

These articles are our own writing (Litopys authors), not copied from any source. The set is held
out: keep it unseen by whoever tunes timeline/temporal/fallback.py (see README.md).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from timex_gold import write_set  # noqa: E402  (tests/data/timex_gold.py: markup -> files)

SOURCES = [
    # ------------------------------------------------------------------ Italian
    (
        "it_1",
        "it",
        "2025-02-06",
        "Bancarotta, confermata la condanna all'ex manager",
        "La Corte d'Appello di Milano ha confermato [[ieri|DATE|2025-02-05]] la condanna a "
        "[[quattro anni e otto mesi|DURATION|P4Y8M]] di reclusione per l'ex amministratore delegato di "
        "una società di logistica, accusato di bancarotta fraudolenta. Secondo i giudici, tra il "
        "[[2017|DATE|2017]] e il [[2020|DATE|2020]] l'imprenditore avrebbe sottratto all'azienda circa "
        "7,4 milioni di euro. Il fallimento, dichiarato il [[12 giugno 2021|DATE|2021-06-12]], aveva "
        "lasciato senza lavoro 212 dipendenti. La sentenza è stata letta poco dopo le "
        "[[16.40|TIME|2025-02-05T16:40]], al termine di una camera di consiglio durata "
        "[[cinque ore|DURATION|PT5H]]. Il processo di primo grado si era chiuso a "
        "[[luglio 2023|DATE|2023-07]]. I difensori presenteranno ricorso in Cassazione, che dovrebbe "
        "decidere entro [[fine anno|DATE|2025]].",
    ),
    (
        "it_2",
        "it",
        "2024-10-31",
        "Disoccupazione ai minimi, Pil fermo",
        "Il tasso di disoccupazione in Italia è sceso al 6,1 per cento a [[settembre|DATE|2024-09]], il "
        "valore più basso dal [[2007|DATE|2007]], secondo i dati diffusi [[oggi|DATE|2024-10-31]] "
        "dall'Istat. Ad [[agosto|DATE|2024-08]] il tasso era pari al 6,3 per cento. Gli occupati hanno "
        "raggiunto quota 24,1 milioni, con un aumento di 490 mila unità, mentre la disoccupazione "
        "giovanile resta al 18,3 per cento. Negli [[anni Novanta|DATE|199]] il tasso aveva superato "
        "l'11 per cento. Il Pil, invece, è rimasto fermo nel [[terzo trimestre|DATE|2024-Q3]]. Il "
        "governo porterà la manovra da 30 miliardi in Aula la [[prossima settimana|DATE|2024-W45]]. I "
        "nuovi dati sul lavoro saranno pubblicati il [[2 dicembre alle ore 10|TIME|2024-12-02T10:00]].",
    ),
    (
        "it_3",
        "it",
        "2025-05-19",
        "Il Napoli vince e allunga in classifica",
        "Il Napoli ha battuto [[sabato sera|TIME|2025-05-17TEV]] il Genoa per 2-0 davanti a 54.000 "
        "spettatori e ha portato a 4 punti il vantaggio sulla seconda in classifica. La partita è "
        "cominciata con [[dieci minuti|DURATION|PT10M]] di ritardo, alle [[20.55|TIME|2025-05-17T20:55]], "
        "per un guasto all'impianto di illuminazione. L'attaccante nigeriano ha segnato il suo "
        "ventunesimo gol in campionato. L'ultimo scudetto della squadra risale al [[2023|DATE|2023]], il "
        "primo al [[1987|DATE|1987]]. L'allenatore, arrivato la [[scorsa estate|DATE|2024-SU]], ha un "
        "contratto fino a [[giugno 2027|DATE|2027-06]]. L'ultima giornata si giocherà "
        "[[domenica 25 maggio|DATE|2025-05-25]]; i biglietti, da 35 a 120 euro, sono andati esauriti in "
        "[[tre ore|DURATION|PT3H]].",
    ),
    # ------------------------------------------------------------------ Portuguese
    (
        "pt_1",
        "pt",
        "2024-11-14",
        "Supremo confirma pena de antigo autarca",
        "O Supremo Tribunal de Justiça confirmou [[ontem|DATE|2024-11-13]] a pena de "
        "[[sete anos|DURATION|P7Y]] de prisão aplicada a um antigo presidente de câmara do distrito de "
        "Braga, condenado por corrupção passiva. Segundo o acórdão, entre [[2012|DATE|2012]] e "
        "[[2016|DATE|2016]] o autarca recebeu cerca de 640 mil euros de três empresas de construção em "
        "troca de licenças. A investigação começou em [[outubro de 2017|DATE|2017-10]], depois de uma "
        "denúncia anónima, e o julgamento em primeira instância terminou em "
        "[[março de 2022|DATE|2022-03]]. A decisão foi lida às [[15h30|TIME|2024-11-13T15:30]] perante "
        "cerca de 40 pessoas. A defesa tem [[dez dias|DURATION|P10D]] para recorrer para o Tribunal "
        "Constitucional. O Ministério Público vai pedir na "
        "[[próxima segunda-feira|DATE|2024-11-18]] a perda a favor do Estado de dois imóveis do "
        "arguido.",
    ),
    (
        "pt_2",
        "pt",
        "2025-03-07",
        "Economia brasileira perde fôlego",
        "O Produto Interno Bruto do Brasil cresceu 3,4% em [[2024|DATE|2024]], o melhor resultado desde a "
        "pandemia, informou [[hoje|DATE|2025-03-07]] o IBGE. No [[quarto trimestre|DATE|2024-Q4]], porém, "
        "a economia avançou apenas 0,2%, abaixo dos 0,4% esperados pelo mercado. A agropecuária recuou "
        "3,2%, enquanto os serviços subiram 3,7%. A taxa Selic está em 13,25% desde "
        "[[janeiro|DATE|2025-01]], e o Comitê de Política Monetária volta a se reunir nos dias "
        "[[18|DATE|2025-03-18]] e [[19 de março|DATE|2025-03-19]]. Os economistas preveem crescimento de "
        "2% para [[este ano|DATE|2025]]. Na [[década de 1980|DATE|198]], o país chegou a registrar "
        "inflação superior a 200%. O próximo resultado do PIB será divulgado em "
        "[[30 de maio|DATE|2025-05-30]].",
    ),
    (
        "pt_3",
        "pt",
        "2024-09-18",
        "Incêndio em Oliveira de Azeméis já consumiu milhares de hectares",
        "O incêndio que deflagrou no [[domingo|DATE|2024-09-15]] no concelho de Oliveira de Azeméis já "
        "consumiu mais de 9.000 hectares, segundo a Proteção Civil. Cerca de 1.100 bombeiros e 14 meios "
        "aéreos combatiam as chamas [[esta manhã|TIME|2024-09-18TMO]]. A autoestrada A1 esteve cortada "
        "durante [[seis horas|DURATION|PT6H]] na [[segunda-feira|DATE|2024-09-16]], e 40 casas foram "
        "destruídas. Três pessoas morreram. O Governo declarou a situação de calamidade até às "
        "[[23h59 de quinta-feira|TIME|2024-09-19T23:59]]. Trata-se do pior incêndio na região desde "
        "[[outubro de 2017|DATE|2017-10]]. O IPMA prevê a chegada de chuva a partir de "
        "[[sábado|DATE|2024-09-21]], com uma descida das temperaturas de 8 graus.",
    ),
    # ------------------------------------------------------------------ Dutch
    (
        "nl_1",
        "nl",
        "2024-10-14",
        "Lijst van burgemeester blijft de grootste",
        "Bij de gemeenteraadsverkiezingen van [[zondag|DATE|2024-10-13]] is de lijst van de zittende "
        "burgemeester opnieuw de grootste partij geworden, met 14 van de 33 zetels. De opkomst bedroeg "
        "68 procent, tegen 91 procent in [[2018|DATE|2018]], toen stemmen nog verplicht was. De laatste "
        "stembureaus sloten om [[14 uur|TIME|2024-10-13T14:00]], maar de telling was pas rond "
        "[[23.15 uur|TIME|2024-10-13T23:15]] afgerond. De coalitiegesprekken beginnen "
        "[[woensdag|DATE|2024-10-16]]; [[volgende maand|DATE|2024-11]] moet er een akkoord liggen. De "
        "nieuwe gemeenteraad wordt op [[2 december|DATE|2024-12-02]] geïnstalleerd. De burgemeester "
        "bestuurt de stad al [[twaalf jaar|DURATION|P12Y]]; zijn partij haalde in de "
        "[[jaren negentig|DATE|199]] nog geen 10 procent van de stemmen.",
    ),
    (
        "nl_2",
        "nl",
        "2025-01-09",
        "Inflatie loopt weer op",
        "De inflatie in Nederland kwam in [[december|DATE|2024-12]] uit op 4,1 procent, meldt het "
        "Centraal Bureau voor de Statistiek [[vandaag|DATE|2025-01-09]]. In [[november|DATE|2024-11]] "
        "was dat nog 3,8 procent. In [[2024|DATE|2024]] stegen de prijzen gemiddeld met 3,3 procent, na "
        "3,8 procent in [[2023|DATE|2023]]. Vooral diensten werden duurder; een liter benzine kostte "
        "gemiddeld 2,05 euro. De piek lag in [[september 2022|DATE|2022-09]], toen de prijzen met 14,5 "
        "procent stegen. De Nederlandsche Bank verwacht dat de inflatie in de "
        "[[tweede helft van 2025|DATE|2025-H2]] daalt tot 2,5 procent. Het CBS publiceert de volgende "
        "cijfers op [[donderdag 6 februari om 6.30 uur|TIME|2025-02-06T06:30]].",
    ),
    (
        "nl_3",
        "nl",
        "2024-12-23",
        "Zware storm raast over het noorden",
        "Een zware storm trok [[gisteravond|TIME|2024-12-22TEV]] over het noorden van het land, met "
        "windstoten tot 120 kilometer per uur. De Afsluitdijk was tussen [[19.00|TIME|2024-12-22T19:00]] "
        "en [[02.00 uur|TIME|2024-12-23T02:00]] gesloten voor vrachtverkeer. Ruim 300 bomen waaiden om "
        "en 14.000 huishoudens zaten zonder stroom. Het KNMI noemt het de zwaarste storm sinds "
        "[[januari 2018|DATE|2018-01]]. Bij Harlingen kwam een vrachtwagen met 22 ton kerstbomen op zijn "
        "kant terecht. Verzekeraars schatten de schade op 40 miljoen euro en willen de claims binnen "
        "[[twee weken|DURATION|P2W]] afhandelen. De dijken, na de ramp van [[1953|DATE|1953]] versterkt, "
        "hielden stand. [[Morgen|DATE|2024-12-24]] neemt de wind af, maar voor "
        "[[eerste kerstdag|DATE|2024-12-25]] verwacht het KNMI opnieuw veel regen.",
    ),
    # ------------------------------------------------------------------ German
    (
        "de_1",
        "de",
        "2024-04-10",
        "Landesmuseum öffnet nach Umbau",
        "Nach [[fast vier Jahren|DURATION|P4Y]] Umbau öffnet das Landesmuseum in Hannover am "
        "[[Samstag, 13. April|DATE|2024-04-13]] wieder für Besucher. Die Sanierung kostete 68 Millionen "
        "Euro, rund 20 Millionen mehr als geplant. Geschlossen worden war das Haus im "
        "[[Juni 2020|DATE|2020-06]]. Zur Eröffnung zeigt das Museum eine Schau über die "
        "[[1920er Jahre|DATE|192]] mit 350 Gemälden, Plakaten und Fotografien; sie läuft bis "
        "[[Anfang September|DATE|2024-09]]. Bereits am [[Freitagabend|TIME|2024-04-12TEV]] ist ein "
        "Festakt mit dem Ministerpräsidenten geplant. Der Eintritt kostet 12 Euro, Kinder zahlen "
        "nichts. Das Gebäude wurde [[1902|DATE|1902]] eröffnet und beherbergt rund 1,5 Millionen "
        "Objekte. Im [[vergangenen Jahr|DATE|2023]] besuchten 180.000 Menschen die Ausweichquartiere "
        "des Museums.",
    ),
    (
        "de_2",
        "de",
        "2025-07-29",
        "Unwetter richtet schwere Schäden an",
        "Ein schweres Unwetter hat am [[Montagabend|TIME|2025-07-28TEV]] Teile Niederbayerns getroffen. "
        "In nur [[zwei Stunden|DURATION|PT2H]] fielen bis zu 90 Liter Regen pro Quadratmeter, "
        "Hagelkörner waren bis zu 4 Zentimeter groß. Die Feuerwehr zählte bis "
        "[[heute früh|TIME|2025-07-29TMO]] mehr als 400 Einsätze, ein Mann wurde leicht verletzt. Gegen "
        "[[23.40 Uhr|TIME|2025-07-28T23:40]] musste die Bundesstraße 20 bei Straubing gesperrt werden; "
        "sie bleibt voraussichtlich bis [[Ende der Woche|DATE|2025-W31]] zu. Ähnlich heftige Regenfälle "
        "hatte die Region zuletzt im [[Juni 2024|DATE|2024-06]] erlebt. Der Deutsche Wetterdienst warnt "
        "bis [[Mittwoch|DATE|2025-07-30]] vor weiteren Gewittern. Der Landkreis schätzt den Schaden auf "
        "25 Millionen Euro. Das Hochwasserschutzprogramm des Freistaats wurde [[2001|DATE|2001]] "
        "beschlossen.",
    ),
    # ------------------------------------------------------------------ French
    (
        "fr_1",
        "fr",
        "2025-03-17",
        "L'opposition remporte la municipale partielle",
        "Le candidat de l'opposition a remporté [[dimanche|DATE|2025-03-16]] l'élection municipale "
        "partielle d'une ville de 30 000 habitants du Cher, avec 52,4 % des voix. La participation a "
        "atteint 47 %, contre 38 % au premier tour, le [[9 mars|DATE|2025-03-09]]. Les bureaux de vote "
        "ont fermé à [[18 heures|TIME|2025-03-16T18:00]] et les résultats ont été proclamés peu avant "
        "[[21 h 15|TIME|2025-03-16T21:15]]. Le scrutin avait été provoqué par la démission de 17 "
        "conseillers municipaux en [[janvier|DATE|2025-01]]. Le nouveau maire sera installé "
        "[[samedi prochain|DATE|2025-03-22]]. Son prédécesseur dirigeait la ville depuis "
        "[[2008|DATE|2008]]. Les prochaines municipales, prévues en [[mars 2026|DATE|2026-03]], ne lui "
        "laissent que [[douze mois|DURATION|P12M]] pour appliquer un programme de 40 mesures.",
    ),
    (
        "fr_2",
        "fr",
        "2024-05-22",
        "Ovation pour une réalisatrice belge à Cannes",
        "Le nouveau film d'une réalisatrice belge, projeté [[hier soir|TIME|2024-05-21TEV]] en "
        "compétition au Festival de Cannes, a reçu une longue ovation. Long "
        "de [[2 h 40|DURATION|PT2H40M]], il raconte la vie d'une famille ouvrière du Nord dans les "
        "[[années 1970|DATE|197]]. La cinéaste avait déjà remporté la Palme d'or en [[2016|DATE|2016]]. "
        "Vingt-deux films sont en lice [[cette année|DATE|2024]] et le jury remettra ses prix le "
        "[[samedi 25 mai|DATE|2024-05-25]]. La séance réservée à la presse, [[ce matin|TIME|2024-05-22TMO]], "
        "affichait complet, et une nouvelle projection est prévue à [[19 heures|TIME|2024-05-22T19:00]]. "
        "Le film sortira en salles le [[18 septembre|DATE|2024-09-18]] dans 300 cinémas.",
    ),
    # ------------------------------------------------------------------ Spanish
    (
        "es_1",
        "es",
        "2025-06-09",
        "Un español conquista Roland Garros",
        "El tenista español ganó [[ayer|DATE|2025-06-08]] la final de Roland Garros al derrotar al número "
        "uno del mundo por 6-3, 4-6, 7-5 y 6-4 en [[cuatro horas y diez minutos|DURATION|PT4H10M]]. El "
        "partido empezó con [[media hora|DURATION|PT30M]] de retraso por la lluvia, a las "
        "[[15:30|TIME|2025-06-08T15:30]]. Es su segundo título en París tras el de [[2022|DATE|2022]]. "
        "El jugador, de 23 años, debutó en el circuito profesional en [[2019|DATE|2019]] y en "
        "[[mayo|DATE|2025-05]] ya había ganado el torneo de Roma. Con la victoria suma 2.000 puntos y "
        "subirá al tercer puesto de la clasificación mundial. Su próximo objetivo es Wimbledon, que "
        "comienza el [[30 de junio|DATE|2025-06-30]]. Ningún tenista tan joven había ganado dos veces en "
        "París desde los [[años ochenta|DATE|198]].",
    ),
    (
        "es_2",
        "es",
        "2025-08-12",
        "Aviso rojo por calor en Andalucía",
        "La Agencia Estatal de Meteorología activó [[hoy|DATE|2025-08-12]] el aviso rojo por calor "
        "extremo en 4 provincias andaluzas. En Córdoba el termómetro marcó [[ayer|DATE|2025-08-11]] 45,2 "
        "grados a las [[17.40 horas|TIME|2025-08-11T17:40]], la temperatura más alta de "
        "[[este verano|DATE|2025-SU]]. La ola de calor comenzó el [[3 de agosto|DATE|2025-08-03]] y se "
        "prolongará al menos hasta el [[domingo|DATE|2025-08-17]], según las previsiones. Con "
        "[[diez días|DURATION|P10D]] de duración, ya es la más larga desde "
        "[[julio de 2022|DATE|2022-07]]. Sanidad atribuye 38 muertes al calor y los incendios han "
        "quemado 12.000 hectáreas. Desde [[1980|DATE|1980]], la temperatura media estival en España "
        "ha subido 1,5 grados.",
    ),
]



if __name__ == "__main__":
    write_set(HERE, SOURCES)
