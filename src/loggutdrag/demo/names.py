"""Hand-made lists of common Swedish names and places of one municipality (Linköping).

Everyone made from these lists is invented; a combination may by chance match a real person's name,
never their personnummer (see people.py). Postcodes are plausible for the places, not checked
against the postal register.
"""

from __future__ import annotations

# fmt: off
# Names common among people born 1920-1960 (the alarm customers).
ELDERLY_WOMEN = (
    "Anna", "Margareta", "Elisabeth", "Eva", "Birgitta", "Kerstin", "Marianne", "Ingrid",
    "Gunilla", "Ulla", "Karin", "Britt", "Gun", "Inger", "Barbro", "Maj", "Elsa", "Signe",
    "Astrid", "Greta", "Ingegerd", "Solveig", "Gunnel", "Siv", "Christina", "Maria", "Agneta",
    "Rut", "Märta", "Ebba", "Elvira", "Margit", "Aina", "Gerd", "Berit", "Majvor", "Inga",
    "Sonja", "Viola", "Dagny", "Elin", "Hjördis", "Ester", "Lilly", "Anita", "Yvonne", "Monica",
    "Lena", "Kristina", "Birgit",
)
ELDERLY_MEN = (
    "Karl", "Lars", "Erik", "Per", "Nils", "Jan", "Bengt", "Sven", "Gunnar", "Åke", "Bertil",
    "Olof", "Rolf", "Lennart", "Göran", "Sten", "Stig", "Hans", "Leif", "Ingvar", "Kjell", "Bo",
    "Arne", "Gösta", "Rune", "Ove", "Roland", "Kurt", "Folke", "Tore", "Evert", "Harry",
    "Holger", "Einar", "Allan", "Sixten", "Valter", "Ragnar", "Birger", "Torsten", "Curt",
    "Lars-Erik", "Karl-Erik", "Bo-Göran", "Gustav", "Axel", "Helmer", "Yngve",
)

# Names common among care workers and alarm-centre operators today.
WORKER_WOMEN = (
    "Emma", "Sara", "Fatima", "Amira", "Hanna", "Elin", "Johanna", "Linnea", "Ida", "Maja",
    "Sofia", "Aisha", "Yasmin", "Leila", "Mariam", "Anna", "Maria", "Jenny", "Malin", "Camilla",
    "Therese", "Frida", "Julia", "Matilda", "Amanda", "Lina", "Nour", "Hodan", "Sahra", "Ayan",
    "Zeynep", "Elif", "Petra", "Susanne", "Helena", "Annika", "Louise", "Moa", "Wilma", "Tove",
    "Rebecka", "Jessica", "Sandra", "Lejla", "Amina", "Rania", "Dalia", "Ewa", "Kinga", "Olena",
)
WORKER_MEN = (
    "Mohammed", "Ahmed", "Ali", "Omar", "Erik", "Jonas", "Anders", "Daniel", "Oscar", "Elias",
    "Johan", "Mikael", "Fredrik", "Hassan", "Abdi", "Yusuf", "Ibrahim", "Mustafa", "Emil",
    "Viktor", "Simon", "Adam", "Filip", "Marcus", "Patrik", "Tobias", "Niklas", "Samir",
    "Karim", "Goran", "Milan", "Dawit", "Tesfaye", "Arvid", "Linus", "Anton",
)

SURNAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
    "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström",
    "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren",
    "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg",
    "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk",
    "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson",
    "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg",
    "Blomqvist", "Claesson", "Nordström", "Mårtensson", "Lundström", "Ek", "Strand", "Hedlund",
    "Sundberg", "Åberg", "Holmgren", "Dahl", "Hellström", "Sundström", "Öberg", "Falk",
)
WORKER_SURNAMES = (
    *SURNAMES,
    "Ali", "Mohamed", "Ahmed", "Hassan", "Hussein", "Abdi", "Ibrahim", "Yilmaz", "Nguyen",
    "Kaya", "Omar", "Rahimi", "Mohammadi", "Haddad", "Khalil", "Jovanović", "Kowalski",
    "Tesfay", "Warsame", "Petrović",
)

# Street names of the kind found in every Swedish town.
STREETS = (
    "Storgatan", "Drottninggatan", "Kungsgatan", "Ågatan", "Hamngatan", "Klostergatan",
    "Nygatan", "Repslagaregatan", "Vasavägen", "Björkvägen", "Lindvägen", "Ekvägen",
    "Granvägen", "Skolgatan", "Kyrkogatan", "Parkgatan", "Järnvägsgatan", "Sankt Larsgatan",
    "Platensgatan", "Apotekaregatan", "Snickaregatan", "Barnhemsgatan", "Djurgårdsgatan",
    "Hospitalsgatan", "Gamla Tanneforsvägen", "Södra Oskarsgatan", "Norra Oskarsgatan",
    "Rydsvägen", "Björnkärrsgatan", "Västanågatan", "Gillbergsgatan", "Lambohovsleden",
    "Ekholmsvägen", "Rosengatan", "Tulpanvägen", "Syrenvägen", "Lärkvägen", "Trastvägen",
    "Solrosvägen", "Vallvägen", "Ängsvägen", "Hagvägen", "Bäckvägen", "Kvarnvägen",
    "Industrigatan", "Östra Vägen", "Västra Vägen", "Trädgårdsgatan", "Prästgårdsgatan",
    "Idrottsgatan", "Sjövägen", "Skogsvägen", "Torggatan", "Bryggaregatan", "Ringvägen",
)

# (city, postcode prefixes, weight): most people live in the town itself.
PLACES = (
    ("Linköping", ("582", "583", "584", "585", "586", "587", "589"), 80),
    ("Ljungsbro", ("590 70",), 5),
    ("Malmslätt", ("590 71",), 4),
    ("Sturefors", ("590 41",), 3),
    ("Vikingstad", ("590 34",), 3),
    ("Linghem", ("585 64",), 3),
    ("Vreta kloster", ("590 73",), 2),
)

DISTRICTS = (
    "Ryd", "Skäggetorp", "Berga", "Lambohov", "Ekholmen", "Johannelund", "Tannefors",
    "Vasastaden", "Gottfridsberg", "Hjulsbro", "Vidingsjö", "Ullstämma", "Tornby", "Ljungsbro",
    "Malmslätt", "Sturefors", "Linghem", "Vikingstad", "Hejdeby", "Slaka", "Vallastaden",
    "Valla", "Majelden", "Garnisonen", "Eriksberg", "Kvinneby", "Hackefors", "Övre Johannelund",
    "Mjärdevi", "Roxen", "Vreta", "Askeby", "Bankekind", "Kärna", "Nykil", "Ulrika", "Brokind",
)

PRIVATE_WORDS = (
    "Trygga Händer", "Vardagsstöd", "Stångådalens", "Omtanke", "Livskvalitet", "Hemtrevnad",
    "Närhet", "Trivsel", "Medmänniska", "Ljusglimt", "Kompassen", "Eken", "Lyktan", "Solgläntan",
    "Tryggvid", "Omsorgsvännen", "Vårdhjälpen", "Hemmakär", "Bryggan", "Klöver",
)
# fmt: on
