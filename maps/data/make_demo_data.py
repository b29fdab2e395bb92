#!/usr/bin/env python3
"""Génère les données de démonstration de l'Atlas du Bassin Minier.

Toutes les géométries sont INDICATIVES : placées à la main (coordonnées
écrites ci-dessous par l'auteur, d'après sa connaissance générale de la
géographie du bassin minier), PAS des périmètres officiels. Aucune coordonnée
n'est tirée d'un jeu de données officiel.

Bibliothèque standard uniquement. Usage :
    python3 maps/data/make_demo_data.py
écrit les six fichiers GeoJSON (RFC 7946, WGS 84 lon/lat) à côté de ce script.
"""

import json
import math
import os
import re
import unicodedata

OUT = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------
# Sources (textes courts cités dans la propriété "source")
# --------------------------------------------------------------------------
SRC_RAPPORT = "Rapport interministériel 2016 (préfiguration du CPIN, mission Subileau)"
SRC_COMMUNIQUE = "Communiqué préfecture de région Hauts-de-France, 23/01/2023"
SRC_FICHE_LALLAING = "Fiche opération ERBM, lot 5, cité des Hauts Prés, Lallaing"
SRC_PLAQUETTE = "Plaquette ERBM « Renouveau du Bassin minier – S'engager ensemble »"


def src_tableau(n):
    return "%s, tableau %d" % (SRC_RAPPORT, n)


# --------------------------------------------------------------------------
# Outils géométriques (plan local en mètres autour d'un point)
# --------------------------------------------------------------------------
M_PER_DEG_LAT = 111320.0


def m2deg(lat, dx, dy):
    """Décalage (dx vers l'est, dy vers le nord, en m) -> (dlon, dlat)."""
    return dx / (M_PER_DEG_LAT * math.cos(math.radians(lat))), dy / M_PER_DEG_LAT


def signed_area(ring):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += x1 * y2 - x2 * y1
    return s / 2.0


def close(ring):
    ring = [[round(x, 6), round(y, 6)] for x, y in ring]
    if ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


def ccw(ring):
    ring = close(ring)
    return ring if signed_area(ring) > 0 else ring[::-1]


def cw(ring):
    ring = close(ring)
    return ring if signed_area(ring) < 0 else ring[::-1]


def ring_lonlat(pts):
    """Liste de (lat, lon) écrits à la main -> anneau [lon, lat] CCW fermé."""
    return ccw([(lon, lat) for lat, lon in pts])


# Gabarits de contours d'îlots (carré unité -0.5..0.5, x = est, y = nord),
# volontairement irréguliers.
TEMPLATES = [
    [(-0.50, -0.42), (0.10, -0.50), (0.50, -0.38), (0.46, 0.44), (-0.20, 0.50), (-0.48, 0.30)],
    [(-0.46, -0.50), (0.50, -0.46), (0.50, 0.10), (0.30, 0.50), (-0.50, 0.46)],
    [(-0.50, -0.30), (-0.20, -0.50), (0.48, -0.50), (0.50, 0.50), (-0.10, 0.46), (-0.50, 0.20)],
    [(-0.42, -0.50), (0.50, -0.40), (0.40, 0.10), (0.50, 0.50), (-0.50, 0.42), (-0.50, -0.10)],
]

# Gabarits de terrils (contours arrondis, irréguliers), rayon unité.
TERRIL_CONE = [(1.00, 0), (0.93, 40), (1.05, 85), (0.90, 130), (1.00, 180),
               (0.95, 220), (1.04, 265), (0.92, 310)]


def block(lat, lon, w, h, rot=0.0, tpl=0):
    """Îlot de w x h mètres centré sur (lat, lon), tourné de rot degrés."""
    a = math.radians(rot)
    pts = []
    for ux, uy in TEMPLATES[tpl % len(TEMPLATES)]:
        x, y = ux * w, uy * h
        xr = x * math.cos(a) - y * math.sin(a)
        yr = x * math.sin(a) + y * math.cos(a)
        dlon, dlat = m2deg(lat, xr, yr)
        pts.append((lon + dlon, lat + dlat))
    return ccw(pts)


def blob(lat, lon, rx, ry, rot=0.0, shape=TERRIL_CONE):
    """Contour arrondi de demi-axes rx, ry (m), pour les terrils."""
    a = math.radians(rot)
    pts = []
    for k, ang in shape:
        t = math.radians(ang)
        x, y = k * rx * math.cos(t), k * ry * math.sin(t)
        xr = x * math.cos(a) - y * math.sin(a)
        yr = x * math.sin(a) + y * math.cos(a)
        dlon, dlat = m2deg(lat, xr, yr)
        pts.append((lon + dlon, lat + dlat))
    return ccw(pts)


def size_for(logements):
    """Côté indicatif (m) d'un îlot selon le nombre de logements (~25 lgts/ha)."""
    if not logements:
        return 300.0
    side = math.sqrt(logements / 25.0 * 10000.0)
    return max(200.0, min(550.0, side))


def dims(logements, ratio):
    """Largeur, hauteur (m) d'un îlot : surface selon les logements, côtés 200-600 m."""
    side = size_for(logements)
    w, h = side * math.sqrt(ratio), side / math.sqrt(ratio)
    return max(200.0, min(600.0, w)), max(200.0, min(600.0, h))


def slug(s):
    s = s.replace("œ", "oe").replace("Œ", "Oe")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def feature(props, geom):
    return {"type": "Feature", "properties": props, "geometry": geom}


def polygon(*rings):
    return {"type": "Polygon", "coordinates": list(rings)}


def write(name, features):
    # Une entité par ligne : fichiers compacts et diffs lisibles.
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(lines))
        f.write("\n]}\n")
    print("%-32s %3d entités" % (name, len(features)))


UNESCO = {"Unesco": "Inscrit", "Unesco en partie": "En partie", "Non": "Non"}

# --------------------------------------------------------------------------
# 1. Cités minières
# --------------------------------------------------------------------------
# Colonnes : n° MBM (texte du tableau, "-" -> None), EPCI, communes
# (normalisées), nom, propriétaire, Unesco (texte du tableau), logements,
# programme (tableaux 4 et 5), puis placement indicatif écrit à la main :
# lat, lon du centre, rapport largeur/hauteur, rotation (degrés), gabarit.
# The 2016 report gives tables, not programmes: rows of tables 1–3 carry no programme.
PROG = {1: None, 2: None, 3: None}

T4_MACE = "PNRU 2 Régional Macé-Darcy Nouméa + PRUS régional Macé-Darcy (2012-en cours)"
T4_DENAIN = "PNRU 2 national Vieux Denain - toutefois interventions sur les cités à confirmer."
T4_CORRIDOR = "PNRU 1 Corridor Minier"
T5_ACACIAS = "FEDER PO 4 6C - Résultats d'appels d'offres travaux mars 2017"

CITES = [
    # ---- Tableau 1 : 25 cités (ou ensembles) prioritaires -------------------
    (1, "1", "Artois Comm", "Houdain / Haillicourt", "Cité de la Victoire",
     "Maisons et Cités", "Unesco en partie", 822, None, 50.4630, 2.5500, 1.3, 15, 0),
    (1, "2", "Artois Comm", "Bruay-la-Buissière", "Cités du Nouveau Monde – cité 16-3 uniquement",
     "Maisons et Cités", "Unesco", 500, None, 50.4915, 2.5615, 1.0, -10, 1),
    (1, "79", "CAD", "Waziers", "Cité Notre-Dame",
     "Maisons et Cités", "Unesco", 204, None, 50.3845, 3.1080, 1.2, 20, 2),
    (1, "35", "CAHC", "Oignies", "Cité Declercq",
     "Maisons et Cités", "Unesco", 394, None, 50.4705, 2.9975, 1.1, 5, 3),
    (1, "41", "CAHC", "Évin-Malmaison", "Cité Cornuault",
     "Maisons et Cités", "Unesco", 534, None, 50.4400, 3.0265, 0.9, 30, 0),
    (1, "69", "CAHC", "Hénin-Beaumont", "Cité Foch",
     "Maisons et Cités", "Unesco", 318, None, 50.4165, 2.9380, 1.2, -20, 1),
    (1, "7", "CALL", "Grenay", "Cité n°5 de Béthune",
     "Maisons et Cités", "Unesco", 566, None, 50.4525, 2.7400, 1.0, 10, 2),
    (1, "11", "CALL", "Lens", "Cité n°9 de Lens",
     "Maisons et Cités", "Unesco", 481, None, 50.4345, 2.8115, 1.2, -25, 3),
    (1, "42", "CALL", "Harnes", "Cité Bellevue Ancienne",
     "Maisons et Cités", "Unesco", 483, None, 50.4495, 2.8950, 1.0, 0, 0),
    (1, "3", "CALL", "Bouvigny-Boyeffles / Sains-en-Gohelle / Aix-Noulette", "Cité n°10 de Béthune",
     "Maisons et Cités", "Unesco en partie", 605, None, 50.4360, 2.6790, 1.3, 35, 1),
    (1, "4", "CALL", "Bully-les-Mines / Mazingarbe", "Cité n°2 de Béthune",
     "Maisons et Cités", "Unesco", 627, None, 50.4525, 2.7215, 1.0, -15, 2),
    (1, "9", "CALL", "Bully-les-Mines / Grenay", "Cité des Alouettes",
     "Maisons et Cités", "Non", 804, None, 50.4400, 2.7330, 1.2, 25, 3),
    (1, "12", "CALL", "Lens", "Cité des Provinces",
     "SIA", "Unesco", 542, None, 50.4430, 2.8075, 1.0, 15, 0),
    (1, "17", "CALL", "Noyelles-sous-Lens / Fouquières-lès-Lens", "Cité Courtaine",
     "Maisons et Cités", "Unesco", 347, None, 50.4280, 2.8890, 1.3, -30, 1),
    (1, "96", "CALL", "Lens", "Cité 4 de Lens",
     "Maisons et Cités", "Non", 605, None, 50.4280, 2.8290, 1.1, 10, 2),
    (1, "33", "CAPH", "Raismes", "Cité du Pinson - cité Sabatier - cité beau chêne ancienne",
     "SIA 219, M et C 629, Partenord 2", "Unesco", 845, None, 50.3935, 3.4690, 1.4, 20, 3),
    (1, "84", "CAD", "Sin-le-Noble", "Cité du Puits du midi",
     "Maisons et Cités", "Non", 211, None, 50.3580, 3.1150, 1.0, -5, 0),
    (1, "55", "CAD", "Douai", "Cité de la Clochette",
     "Maisons et Cités", "Unesco", 398, None, 50.3785, 3.0930, 1.2, 40, 1),
    (1, "109", "Artois Comm", "Divion", "Cité de la Clarence",
     "Maisons et Cités", "Non", 473, None, 50.4690, 2.5030, 1.0, 15, 2),
    (1, "21", "CAHC", "Drocourt", "Cité de la Parisienne",
     "M et C 28 lgts, env. 200 lgts SEM de Drocourt", "Unesco", 228, None, 50.3885, 2.9245, 1.2, 0, 3),
    (1, "48", "CALL", "Liévin / Loos-en-Gohelle", "Cité Saint Albert",
     "M et C 482 lgts SIA 54 lgts", "Unesco", 536, None, 50.4330, 2.7870, 1.1, -20, 0),
    (1, "a", "CAPH", "Lourches / Escaudain", "Cité Schneider",
     "Maisons et Cités", "Non", 299, None, 50.3165, 3.3480, 1.2, 30, 1),
    (1, "98", "CAVM", "Onnaing / Vicq", "Cités Onnaing Ancienne / Vicq ancienne / Cuvinot / Onnaing",
     "Maisons et Cités / SIA", "Non", 383, None, 50.3960, 3.6000, 0.8, 0, 2),
    (1, "101", "CAVM", "Condé-sur-l'Escaut", "Cité Saint-Pierre",
     "Maisons et Cités", "Non", 80, None, 50.4560, 3.5900, 1.0, 20, 3),
    (1, "86", "CCCO", "Pecquencourt", "Cité Barrois",
     "Maisons et Cités", "Unesco", 322, None, 50.3760, 3.2050, 1.2, -10, 0),
    # ---- Tableau 2 : cités à forts enjeux sociaux ---------------------------
    (2, "107", "Artois Comm", "Bruay-la-Buissière", "Cité d'Algérie",
     "Maisons et Cités", "Non", 425, None, 50.4760, 2.5380, 1.0, 10, 1),
    (2, "111", "Artois Comm", "Marles-les-Mines", "Cité de Marles",
     "Maisons et Cités", "Non", 642, None, 50.5030, 2.5000, 1.2, -15, 2),
    (2, "63", "Artois Comm", "Bruay-la-Buissière", "Cité Anatole France",
     "Maisons et Cités", "Unesco", 407, None, 50.4890, 2.5380, 1.0, 25, 3),
    (2, "85", "CAD", "Dechy", "Cité Croix de Pierre",
     "Maisons et Cités", "Non", 353, None, 50.3500, 3.1300, 1.1, 0, 0),
    (2, "105", "CAD", "Auby", "Cité de la Justice",
     "Maisons et Cités", "Unesco", 253, None, 50.4150, 3.0620, 1.2, 30, 1),
    (2, "40", "CAHC", "Libercourt", "Cité de la Faisanderie",
     "Maisons et Cités", "Unesco", 383, None, 50.4775, 3.0120, 1.0, -10, 2),
    (2, "5", "CALL", "Bully-les-Mines / Mazingarbe", "Cité des Brebis",
     "Maisons et Cités", "Non", 438, None, 50.4460, 2.7080, 1.1, 15, 3),
    (2, "14", "CALL", "Noyelles-sous-Lens / Sallaumines", "Cité Anchin",
     "Maisons et Cités", "Unesco", 811, None, 50.4215, 2.8700, 1.3, -20, 0),
    (2, "49", "CALL", "Sallaumines", "Cité 4/11",
     "Maisons et Cités", "Non", 367, None, 50.4185, 2.8560, 1.0, 10, 1),
    (2, "106", "CALL", "Avion", "Cité 4 Sud de Liévin",
     "Maisons et Cités", "Non", 304, None, 50.4120, 2.8170, 1.2, 0, 2),
    (2, "110", "CALL", "Liévin", "Cité des Genettes",
     "Maisons et Cités, SIA", "Non", 618, None, 50.4130, 2.7690, 1.1, 20, 3),
    (2, "112", "CALL", "Méricourt", "Cité 4-5 Sud",
     "Maisons et Cités, SIA", "Non", 596, None, 50.3960, 2.8600, 1.2, -15, 0),
    (2, "113", "CALL", "Montigny-en-Gohelle / Fouquières-lès-Lens", "Cité de la Plaine",
     "Maisons et Cités", "Non", 498, None, 50.4240, 2.9250, 1.0, 5, 1),
    (2, "6", "CALL", "Grenay", "Cité des Quarante",
     "Maisons et Cités", "Unesco", 371, None, 50.4555, 2.7485, 1.1, -5, 2),
    (2, "8", "CALL", "Grenay", "Cité n°11 de Béthune",
     "Maisons et Cités", "Non", 339, None, 50.4460, 2.7535, 1.0, 20, 3),
    (2, "15", "CALL", "Noyelles-sous-Lens / Fouquières-lès-Lens", "Cité Normandie",
     "Maisons et Cités", "Non", 305, None, 50.4335, 2.8820, 1.2, 0, 0),
    (2, "50", "CALL", "Sallaumines", "Cité 5/12",
     "Maisons et Cités", "Non", 383, None, 50.4135, 2.8690, 1.0, -25, 1),
    (2, "53", "CALL", "Sallaumines / Méricourt", "Cité 3/15",
     "Maisons et Cités", "Non", 488, None, 50.4110, 2.8590, 1.3, 10, 2),
    (2, "54", "CALL / CAHC", "Billy-Montigny / Rouvroy", "Cité du 10",
     "Maisons et Cités", "Unesco", 478, None, 50.4100, 2.9000, 1.0, 15, 3),
    # ---- Tableau 3 : cités signalées par les EPCI ---------------------------
    (3, None, "CAVM", "Crespin", "Roy de Bicy",
     "SA du Hainaut", "Non", 120, None, 50.4170, 3.6540, 1.0, 10, 0),
    (3, None, "CAVM", "Fresnes-sur-Escaut", "Soult Haute",
     "Maisons et Cités", "Non", 107, None, 50.4390, 3.5660, 1.2, -10, 1),
    (3, None, "CAVM", "Quiévrechain", "Corbeau",
     "Maisons et Cités", "Non", 81, None, 50.3960, 3.6620, 1.0, 20, 2),
    (3, None, "CAVM", "Vieux-Condé", "Rieu",
     "Maisons et Cités", "Non", 123, None, 50.4655, 3.5590, 1.1, 0, 3),
    (3, "72", "CAHC", "Libercourt", "Cité du Bois d'Epinoy",
     "Maisons et Cités", "Unesco", 250, None, 50.4870, 3.0060, 1.2, 15, 0),
    (3, "71", "CAHC", "Libercourt", "Cité de la Gare",
     "Maisons et Cités", "Unesco", 96, None, 50.4842, 3.0140, 1.3, -20, 1),
    (3, None, "CAHC", "Noyelles-Godault", "Cité Crombez",
     "Maisons et Cités", "Unesco", 271, None, 50.4160, 2.9880, 1.0, 10, 2),
    # ---- Tableau 4 : ANRU 2 / PNRU 2, puis ANRU 1 / PNRU 1 pour mémoire ---------
    (4, "13", "CALL", "Lens", "Cité 12/14 (ouest)",
     "Maisons et Cités", "Unesco en partie", 747, "PNRU 2 National Cité du 12/14",
     50.4450, 2.8250, 1.2, 10, 3),
    (4, "19", "CAHC", "Rouvroy", "Cité Nouméa (ou Rés. de la Motte)",
     "SIA", "Unesco", 1185, T4_MACE, 50.3935, 2.8975, 1.3, -10, 0),
    (4, "20", "CAHC", "Hénin-Beaumont", "Cité Darcy",
     "Maisons et Cités", "Unesco", 385, T4_MACE, 50.4230, 2.9600, 1.0, 20, 1),
    (4, "24", "CAPH", "Denain", "Cité Chabaud Latour nouv.",
     "M et C 49 lgts - SIA 35 lgts", "Unesco", 85, T4_DENAIN, 50.3312, 3.3850, 1.0, 0, 2),
    (4, "25", "CAPH", "Denain", "Cité Chabaud Latour anc.",
     "Maisons et Cités", "Unesco", 142, T4_DENAIN, 50.3283, 3.3895, 1.1, 15, 3),
    (4, "62", "CAVM/CAPH", "Bruay-sur-l'Escaut / Escautpont", "Cité Thiers ancienne",
     "Maisons et Cités", "Non", 457, T4_CORRIDOR, 50.4060, 3.5420, 1.0, -10, 0),
    (4, None, "CAVM", "Fresnes-sur-Escaut", "Soult Ancienne",
     "M et C - Partenord", "Unesco", 210, T4_CORRIDOR, 50.4330, 3.5760, 1.2, 10, 1),
    (4, None, "CAVM", "Condé-sur-l'Escaut", "Cité gras bœuf",
     "Maisons et Cités", "Non", 12, T4_CORRIDOR, 50.4600, 3.5950, 1.0, 0, 2),
    (4, "23", "CAVM", "Vieux-Condé", "Cités de la Solitude et Hermitage",
     "SIA - Partenord - SA du Hainaut", "Unesco", 700, T4_CORRIDOR, 50.4590, 3.5570, 1.3, 20, 3),
    (4, None, "CAPH", "Escaudain", "Cités couture et savonnerie",
     "SIA", "Unesco", 455, "PNRU 1", 50.3350, 3.3370, 1.1, -15, 0),
    (4, "33", "CAPH", "Raismes", "Cité Sabatier",
     "SA du Hainaut – M et C", "Unesco", 40, "PNRU 1", 50.3990, 3.4620, 1.0, 10, 1),
    (4, "108", "Artois Comm", "Calonne-Ricouart", "Cité n°6",
     "Maisons et Cités", "Non", 423, "PNRU 1 Enveloppe régionale", 50.4920, 2.4830, 1.1, 20, 2),
    (4, "2", "Artois Comm", "Bruay-la-Buissière", "Cités du Nouveau Monde – hors cité 16-3",
     "Maisons et Cités", "Unesco", 467,
     "PNRU 1 Stade Parc – Nouveau Monde 2010 – hors cité 16-3 ; sur 1 157 logements compris dans l'intervention.",
     50.4875, 2.5700, 1.2, -15, 3),
    # ---- Tableau 5 : fonds européens -----------------------------------------
    (5, "29", "CAVM", "Condé-sur-l'Escaut", "Cité des Acacias Ancienne",
     "SIA", "Unesco", 102, T5_ACACIAS, 50.4520, 3.5950, 1.0, 10, 0),
    (5, "30", "CAVM", "Condé-sur-l'Escaut", "Cité des Acacias Nouvelle",
     "Maisons et Cités", "Unesco", 92, T5_ACACIAS, 50.4500, 3.5990, 1.1, -10, 1),
    (5, "28", "CAVM", "Fresnes-sur-Escaut", "Cités Hardy-Ballanger",
     "Maisons et Cités", "Non", 101, "ITI FEDER", 50.4280, 3.5830, 1.0, 20, 2),
    (5, "26", "CAVM", "Anzin", "Cité du Mont de la Veine",
     "Maisons et Cités 72 lgts, SIA 48 lgts", "Unesco", 117,
     "ITI FEDER (nb. inclus dans périmètre PNRU 2 régional Bleuse-Borne Faubourg de Lille - "
     "toutefois interventions sur les cités à confirmer)",
     50.3750, 3.5060, 1.0, 0, 3),
]

# Cités citées seulement par les notes ERBM (tableau 0). EPCI, logements et
# statut Unesco : voir SOURCES.md (EPCI de connaissance générale).
CITES_ERBM = [
    # id, nom, commune, epci, proprietaire, unesco, logements, source, lat, lon, ratio, rot, tpl
    ("erbm-hauts-pres-lallaing", "Cité des Hauts Prés", "Lallaing", "CCCO", None, "Inscrit", 272,
     SRC_FICHE_LALLAING, 50.3870, 3.1740, 1.2, 10, 0),
    ("erbm-heurteau-hornaing", "Cité Heurteau", "Hornaing", "CCCO", None, None, None,
     SRC_COMMUNIQUE, 50.3660, 3.3320, 1.0, -15, 1),
    ("erbm-parc-mericourt", "Cité du Parc", "Méricourt", "CALL", None, None, None,
     SRC_COMMUNIQUE, 50.4030, 2.8720, 1.1, 20, 2),
]

# Statuts tirés des seules notes (communiqué du 23/01/2023, fiche Lallaing).
REHAB = ("Réhabilitation ERBM visible fin 2022 (communiqué : « Les résultats en termes de "
         "réhabilitations financées par l'ERBM sont déjà visibles »).")
URB_EN_COURS = "Rénovation urbaine en cours (communiqué du 23/01/2023)."
STATUTS = {
    # id : (statut_renovation, statut_urbain, statut_date, statut_source, note)
    "t1-9": ("non renseigné", None, "2022-12", SRC_COMMUNIQUE, REHAB),
    "t2-110": ("non renseigné", "en cours", "2022-12", SRC_COMMUNIQUE, REHAB + " " + URB_EN_COURS),
    "erbm-heurteau-hornaing": ("non renseigné", "en cours", "2022-12", SRC_COMMUNIQUE,
                               REHAB + " " + URB_EN_COURS),
    "erbm-parc-mericourt": ("non renseigné", None, "2022-12", SRC_COMMUNIQUE, REHAB),
    "t1-11": ("non renseigné", "en cours", "2023-01", SRC_COMMUNIQUE,
              "Rénovation urbaine en cours dans l'îlot Parmentier de la cité 9 (communiqué du 23/01/2023)."),
    "t1-86": ("non renseigné", "en cours", "2023-01", SRC_COMMUNIQUE, URB_EN_COURS),
    "t1-98": ("non renseigné", "en cours", "2023-01", SRC_COMMUNIQUE,
              "Rénovation urbaine en cours à la cité Cuvinot, sur Onnaing et Vicq (communiqué du 23/01/2023)."),
    "t5-29": ("non renseigné", "achevée", "2023-01", SRC_COMMUNIQUE,
              "Rénovation urbaine « entièrement achevée » à la cité des Acacias (communiqué du 23/01/2023)."),
    "t5-30": ("non renseigné", "achevée", "2023-01", SRC_COMMUNIQUE,
              "Rénovation urbaine « entièrement achevée » à la cité des Acacias (communiqué du 23/01/2023)."),
    # La fiche parle de « réhabilitation programmée » (tranche 1 : 89 logements,
    # scénarios de travaux) : rien n'y dit que les travaux ont commencé.
    "erbm-hauts-pres-lallaing": ("programmée", None, None, SRC_FICHE_LALLAING,
                                 "Lot 5 ; réhabilitation programmée de 272 logements (amélioration "
                                 "thermique), tranche 1 : 89 logements."),
}
def cite_features():
    feats = []
    geoms = {}
    seen = set()
    for row in CITES:
        (tab, mbm, epci, communes, nom, prop, unesco, lgts, prog,
         lat, lon, ratio, rot, tpl) = row
        fid = "t%d-%s" % (tab, mbm if mbm else slug(communes.split(" / ")[0] + " " + nom))
        assert fid not in seen, fid
        seen.add(fid)
        geom = block(lat, lon, *dims(lgts, ratio), rot=rot, tpl=tpl)
        st = STATUTS.get(fid, ("non renseigné", None, None, None, None))
        props = {
            "id": fid,
            "id_mbm": mbm,
            "nom": nom,
            "communes": communes,
            "commune_principale": communes.split(" / ")[0],
            "epci": epci.replace("/", " / ").replace("  ", " "),
            "proprietaire": prop,
            "unesco": UNESCO[unesco],
            "logements": lgts,
            "tableau": tab,
            "programme": prog if tab >= 4 else PROG[tab],
            "statut_renovation": st[0],
            "statut_urbain": st[1],
            "statut_date": st[2],
            "statut_source": st[3],
            "note": st[4],
            "source": src_tableau(tab),
            "indicatif": True,
        }
        geoms[fid] = geom
        feats.append(feature(props, polygon(geom)))
    for (fid, nom, commune, epci, prop, unesco, lgts, source, lat, lon, ratio, rot, tpl) in CITES_ERBM:
        assert fid not in seen, fid
        seen.add(fid)
        geom = block(lat, lon, *dims(lgts, ratio), rot=rot, tpl=tpl)
        st = STATUTS[fid]
        props = {
            "id": fid, "id_mbm": None, "nom": nom, "communes": commune,
            "commune_principale": commune, "epci": epci, "proprietaire": prop,
            "unesco": unesco, "logements": lgts, "tableau": 0, "programme": "ERBM",
            "statut_renovation": st[0], "statut_urbain": st[1], "statut_date": st[2],
            "statut_source": st[3], "note": st[4], "source": source, "indicatif": True,
        }
        geoms[fid] = geom
        feats.append(feature(props, polygon(geom)))
    return feats, geoms


# --------------------------------------------------------------------------
# 2. Bien inscrit UNESCO (éléments indicatifs) et 3. zone tampon
# --------------------------------------------------------------------------
CIE = "Compagnie des mines de %s"
# Grands sites : contours écrits à la main, (lat, lon).
GRANDS_SITES = {
    "D1": ("Site minier du 11/19", "Loos-en-Gohelle", CIE % "Lens", [
        (50.4548, 2.7832), (50.4547, 2.7888), (50.4563, 2.7905), (50.4590, 2.7893),
        (50.4593, 2.7845), (50.4575, 2.7822)]),
    "D5": ("Site minier du 9-9bis", "Oignies", CIE % "Dourges", [
        (50.4648, 3.0035), (50.4645, 3.0080), (50.4668, 3.0092), (50.4680, 3.0062),
        (50.4674, 3.0030)]),
    "D8": ("Site minier de Wallers-Arenberg", "Wallers", "Compagnie des mines d'Anzin", [
        (50.3948, 3.4086), (50.3946, 3.4151), (50.3976, 3.4166), (50.3988, 3.4121),
        (50.3981, 3.4079)]),
    "D10": ("Fosse Delloye (Centre historique minier)", "Lewarde", "Compagnie des mines d'Aniche", [
        (50.3348, 3.1675), (50.3346, 3.1718), (50.3365, 3.1728), (50.3375, 3.1700),
        (50.3368, 3.1672)]),
    "D13": ("Cité des Électriciens", "Bruay-la-Buissière", CIE % "Bruay", [
        (50.4823, 2.5508), (50.4822, 2.5533), (50.4836, 2.5536), (50.4839, 2.5512)]),
}
# Éléments repris de cités du tableau 1 (ou 2, 4, 5) marquées « Unesco » :
# (no_element, id de la cité, nom, section, échelle du contour).
ELEMENTS_CITES = [
    ("D2", "t1-12", "Cité des Provinces", CIE % "Lens", 1.0),
    ("D3", "t1-11", "Cité n°9 de Lens", CIE % "Lens", 1.0),
    ("D4", "t4-13", "Cité 12/14 (partie inscrite)", CIE % "Lens", 0.55),
    ("D6", "t1-35", "Cité Declercq", CIE % "Dourges", 1.0),
    ("D7", "t4-20", "Cité Darcy", CIE % "Dourges", 1.0),
    ("D9", "t1-33", "Cités du Pinson, Sabatier et Beau Chêne", "Compagnie des mines d'Anzin", 1.0),
    ("D11", "t1-86", "Cité Barrois", "Compagnie des mines d'Aniche", 1.0),
    ("D12", "t1-79", "Cité Notre-Dame", "Compagnie des mines d'Aniche", 1.0),
    ("D14", "t1-2", "Cité 16-3 du Nouveau Monde", CIE % "Bruay", 1.0),
    ("D15", "t1-7", "Cité n°5 de Béthune", CIE % "Béthune", 1.0),
    ("D16", "t1-4", "Cité n°2 de Béthune", CIE % "Béthune", 1.0),
    ("D17", "t2-40", "Cité de la Faisanderie", "Compagnie des mines d'Ostricourt", 1.0),
    ("D18", "t5-29", "Cité des Acacias (ancienne)", "Compagnie des mines d'Anzin", 1.0),
]

# Zone tampon : contours extérieurs écrits à la main (lat, lon) et éléments
# du bien qu'ils entourent (trous).
ZONES = [
    ("Zone tampon – secteur de Lens-Liévin-Loos", "Lens-Liévin",
     [(50.4230, 2.7150), (50.4260, 2.7600), (50.4250, 2.8000), (50.4270, 2.8300),
      (50.4360, 2.8400), (50.4530, 2.8380), (50.4640, 2.8000), (50.4660, 2.7700),
      (50.4620, 2.7250), (50.4480, 2.7080)],
     ["D1", "D2", "D3", "D4", "D15", "D16"]),
    ("Zone tampon – secteur d'Hénin-Beaumont", "Hénin-Carvin",
     [(50.4130, 2.9450), (50.4120, 2.9750), (50.4250, 2.9800), (50.4340, 2.9680),
      (50.4320, 2.9470), (50.4220, 2.9400)],
     ["D7"]),
    ("Zone tampon – secteur d'Oignies-Libercourt", "Hénin-Carvin",
     [(50.4590, 2.9900), (50.4600, 3.0150), (50.4700, 3.0330), (50.4860, 3.0330),
      (50.4880, 3.0150), (50.4790, 2.9880)],
     ["D5", "D6", "D17"]),
    ("Zone tampon – secteur de Douai-Waziers", "Douaisis",
     [(50.3760, 3.0950), (50.3750, 3.1220), (50.3880, 3.1270), (50.3950, 3.1150),
      (50.3930, 3.0950), (50.3840, 3.0900)],
     ["D12"]),
    ("Zone tampon – secteur de Lewarde-Pecquencourt", "Douaisis",
     [(50.3300, 3.1600), (50.3310, 3.1800), (50.3520, 3.1950), (50.3700, 3.2180),
      (50.3820, 3.2160), (50.3800, 3.1930), (50.3600, 3.1750), (50.3400, 3.1580)],
     ["D10", "D11"]),
    ("Zone tampon – secteur de Wallers-Raismes", "Valenciennois",
     [(50.3920, 3.4000), (50.3880, 3.4400), (50.3860, 3.4800), (50.3990, 3.4820),
      (50.4060, 3.4500), (50.4080, 3.4100)],
     ["D8", "D9"]),
    ("Zone tampon – secteur de Condé-sur-l'Escaut", "Valenciennois",
     [(50.4430, 3.5820), (50.4440, 3.6080), (50.4570, 3.6120), (50.4630, 3.5950),
      (50.4570, 3.5800)],
     ["D18"]),
    ("Zone tampon – secteur de Bruay-la-Buissière", "Béthune-Bruay",
     [(50.4780, 2.5460), (50.4790, 2.5640), (50.4880, 2.5720), (50.4990, 2.5680),
      (50.4960, 2.5520), (50.4860, 2.5440)],
     ["D13", "D14"]),
]


def scale_ring(ring, k):
    if k == 1.0:
        return [list(p) for p in ring]
    pts = ring[:-1]
    cx = sum(p[0] for p in pts) / len(pts)
    cy = sum(p[1] for p in pts) / len(pts)
    return ccw([(cx + (x - cx) * k, cy + (y - cy) * k) for x, y in pts])


def unesco_features(cite_geoms, cite_props):
    elems = {}
    feats = []
    for no, (nom, commune, section, pts) in GRANDS_SITES.items():
        elems[no] = (ring_lonlat(pts), nom, section, commune, True)
    for no, cid, nom, section, k in ELEMENTS_CITES:
        elems[no] = (scale_ring(cite_geoms[cid], k), nom, section,
                     cite_props[cid]["commune_principale"], False)
    for no in sorted(elems, key=lambda s: int(s[1:])):
        ring, nom, section, commune, gs = elems[no]
        if gs:
            src = "%s, « les grands sites majeurs à renforcer » ; %s" % (SRC_RAPPORT, SRC_PLAQUETTE)
        else:
            cid = next(e[1] for e in ELEMENTS_CITES if e[0] == no)
            src = "%s (cité marquée « %s »)" % (
                src_tableau(cite_props[cid]["tableau"]),
                "Unesco en partie" if cite_props[cid]["unesco"] == "En partie" else "Unesco")
        feats.append(feature({
            "no_element": no, "nom": nom, "section": section, "commune": commune,
            "grand_site": gs, "source": src, "indicatif": True,
        }, polygon(ring)))
    zfeats = []
    for nom, secteur, shell, holes in ZONES:
        rings = [ring_lonlat(shell)] + [cw(elems[h][0]) for h in holes]
        zfeats.append(feature({
            "nom": nom, "secteur": secteur,
            "elements": ", ".join(holes),
            "source": "Tracé indicatif de l'auteur ; le rapport interministériel 2016 et la "
                      "plaquette ERBM mentionnent la zone tampon sans en donner le tracé",
            "indicatif": True,
        }, polygon(*rings)))
    return feats, zfeats


# --------------------------------------------------------------------------
# 4. Terrils
# --------------------------------------------------------------------------
def terril_features():
    T = []
    src_1119 = "%s, « le 11-19 à Loos en Gohelle » (deux terrils jumeaux)" % SRC_RAPPORT
    T.append(({"numero": "74", "nom": "Terril 74 (terrils jumeaux du 11/19)",
               "commune": "Loos-en-Gohelle", "forme": "conique",
               "note": "« Les deux terrils jumeaux les plus hauts d'Europe » (rapport 2016). "
                       "Numéros 74/74A : connaissance générale.",
               "source": src_1119},
              blob(50.4605, 2.7765, 230, 210, 20)))
    T.append(({"numero": "74A", "nom": "Terril 74A (terrils jumeaux du 11/19)",
               "commune": "Loos-en-Gohelle", "forme": "conique",
               "note": "Jumeau du terril 74. Numéros 74/74A : connaissance générale.",
               "source": src_1119},
              blob(50.4633, 2.7818, 220, 200, -15)))
    src_ps = "%s, chaîne des parcs : « terrils d'Haillicourt dits du Pays à part »" % SRC_RAPPORT
    T.append(({"numero": None, "nom": "Terril d'Haillicourt, Pays à part (ouest)",
               "commune": "Haillicourt", "forme": "conique",
               "note": "Un des deux terrils coniques jumeaux ; numéro non donné par les sources.",
               "source": src_ps},
              blob(50.4770, 2.5760, 180, 170, 0)))
    T.append(({"numero": None, "nom": "Terril d'Haillicourt, Pays à part (est)",
               "commune": "Haillicourt", "forme": "conique",
               "note": "Un des deux terrils coniques jumeaux ; numéro non donné par les sources.",
               "source": src_ps},
              blob(50.4782, 2.5815, 170, 165, 30)))
    src_g = "%s, « les bords de Scarpe à Douai » (secteur Gayant, Douai, Roost-Warendin, Râches)" % SRC_RAPPORT
    T.append(({"numero": None, "nom": "Terril des Pâtuelles",
               "commune": "Douai", "forme": "plat",
               "note": "Le rapport situe les terrils des Pâtuelles et de l'Escarpelle sur Douai, "
                       "Roost-Warendin et Râches sans dire lequel est où : commune et forme indicatives.",
               "source": src_g},
              blob(50.3950, 3.0960, 260, 190, 25)))
    T.append(({"numero": None, "nom": "Terril de l'Escarpelle",
               "commune": "Roost-Warendin", "forme": "plat",
               "note": "Commune et forme indicatives (voir terril des Pâtuelles).",
               "source": src_g},
              blob(50.4130, 3.1000, 240, 180, -20)))
    T.append(({"numero": "114", "nom": "Terril 114 des Argales",
               "commune": "Rieulay", "forme": "tabulaire",
               "note": "Le rapport écrit « terri114 » (« le plus vaste du bassin minier ») : c'est le "
                       "terril de la base de loisirs des Argales à Rieulay, secteur "
                       "Germignies-Rieulay-Pecquencourt. Emprise indicative ~1,5 km.",
               "source": "%s, « le secteur de Germignies-Rieulay-Pecquencourt »" % SRC_RAPPORT},
              ring_lonlat([(50.3665, 3.2330), (50.3655, 3.2425), (50.3672, 3.2510),
                           (50.3708, 3.2535), (50.3738, 3.2470), (50.3732, 3.2375),
                           (50.3702, 3.2320)])))
    T.append(({"numero": None, "nom": "Terril du 9-9bis",
               "commune": "Oignies", "forme": "plat",
               "note": "Le rapport évoque « les terrils proches » du 9-9bis ; emprise, numéro "
                       "et forme non donnés (forme indicative).",
               "source": "%s, « le 9-9bis à Oignies »" % SRC_RAPPORT},
              blob(50.4640, 3.0118, 230, 160, 35)))
    T.append(({"numero": None, "nom": "Terril d'Arenberg",
               "commune": "Wallers", "forme": "tabulaire",
               "note": "Terril du site minier de Wallers-Arenberg ; numéro non donné par les "
                       "sources, forme de connaissance générale, emprise indicative.",
               "source": "%s, « Wallers-Arenberg »" % SRC_RAPPORT},
              ring_lonlat([(50.3925, 3.4150), (50.3922, 3.4230), (50.3945, 3.4265),
                           (50.3972, 3.4235), (50.3970, 3.4160), (50.3948, 3.4130)])))
    feats = []
    for props, ring in T:
        props["indicatif"] = True
        feats.append(feature(props, polygon(ring)))
    return feats


# --------------------------------------------------------------------------
# 5. Lignes de BHNS « Bulles » (tracés indicatifs par les centres-villes)
# --------------------------------------------------------------------------
BULLES = [
    ("Bulle 2", 2, "Houdain – Bruay-la-Buissière – Béthune – Beuvry", "#E4002B", "projet (rapport 2016)",
     "« le projet de BuLLe 2 reliant Houdain – Bruay-la-Buissière – Béthune – Beuvry »",
     [(50.4505, 2.5370), (50.4560, 2.5395), (50.4630, 2.5425), (50.4710, 2.5455),
      (50.4790, 2.5475), (50.4830, 2.5500), (50.4895, 2.5580), (50.4960, 2.5680),
      (50.5030, 2.5810), (50.5095, 2.5960), (50.5160, 2.6100), (50.5230, 2.6250),
      (50.5290, 2.6390), (50.5275, 2.6520), (50.5250, 2.6660), (50.5225, 2.6800)]),
    ("Bulle 1", 1, "Liévin – Lens – Hénin-Beaumont", "#009FE3", "projet (rapport 2016)",
     "« l'ex-ligne L1, actuelles BuLLe 1, 3, reliant Liévin à Hénin-Beaumont et Vendin-le-Vieil à Avion »",
     [(50.4195, 2.7790), (50.4225, 2.7880), (50.4260, 2.7990), (50.4290, 2.8110),
      (50.4300, 2.8230), (50.4300, 2.8330), (50.4300, 2.8460), (50.4285, 2.8600),
      (50.4270, 2.8740), (50.4255, 2.8900), (50.4240, 2.9080), (50.4225, 2.9260),
      (50.4215, 2.9400), (50.4210, 2.9500)]),
    ("Bulle 3", 3, "Vendin-le-Vieil – Lens – Avion", "#95C11F", "projet (rapport 2016)",
     "« l'ex-ligne L1, actuelles BuLLe 1, 3, reliant Liévin à Hénin-Beaumont et Vendin-le-Vieil à Avion »",
     [(50.4735, 2.8655), (50.4670, 2.8600), (50.4600, 2.8545), (50.4530, 2.8480),
      (50.4460, 2.8420), (50.4390, 2.8360), (50.4320, 2.8325), (50.4255, 2.8320),
      (50.4190, 2.8325), (50.4135, 2.8330), (50.4095, 2.8335)]),
    ("Bulle 5", 5, "Hénin-Beaumont – Libercourt – Lens", "#F39200", "projet (rapport 2016)",
     "« l'ex-ligne L2, actuelles BuLLe 5, 7, reliant Hénin-Beaumont à Lens via Libercourt en BHNS »",
     [(50.4210, 2.9500), (50.4290, 2.9620), (50.4380, 2.9760), (50.4470, 2.9880),
      (50.4580, 2.9980), (50.4690, 3.0060), (50.4790, 3.0120), (50.4850, 2.9900),
      (50.4900, 2.9650), (50.4730, 2.9530), (50.4590, 2.9400), (50.4500, 2.9150),
      (50.4460, 2.9000), (50.4400, 2.8760), (50.4350, 2.8550), (50.4300, 2.8340)]),
    ("Bulle 7", 7, "Hénin-Beaumont – Libercourt – Lens", "#8E44AD", "projet (rapport 2016)",
     "« l'ex-ligne L2, actuelles BuLLe 5, 7, reliant Hénin-Beaumont à Lens via Libercourt en BHNS »",
     [(50.4215, 2.9510), (50.4250, 2.9700), (50.4300, 2.9900), (50.4400, 3.0020),
      (50.4520, 3.0080), (50.4660, 3.0110), (50.4810, 3.0150), (50.4880, 2.9950),
      (50.4920, 2.9700), (50.4780, 2.9560), (50.4620, 2.9450), (50.4500, 2.9300),
      (50.4420, 2.9100), (50.4330, 2.8850), (50.4310, 2.8600), (50.4300, 2.8350)]),
    ("Bulle 6", 6, "Auchel – Bruay-la-Buissière", "#E6007E", "projet (rapport 2016)",
     "« ligne B2, actuelle BuLLe 6, reliant Auchel à Bruay-la-Buissière en BHNS »",
     [(50.5080, 2.4720), (50.5065, 2.4800), (50.5045, 2.4890), (50.5030, 2.4980),
      (50.5000, 2.5080), (50.4960, 2.5170), (50.4920, 2.5260), (50.4880, 2.5350),
      (50.4845, 2.5430), (50.4825, 2.5490)]),
]


def bulle_features():
    feats = []
    for ligne, num, trajet, couleur, statut, citation, pts in BULLES:
        feats.append(feature({
            "ligne": ligne, "numero": num, "trajet": trajet, "couleur": couleur,
            "statut": statut,
            "source": "%s, « le renforcement des moyens de mobilité » : %s" % (SRC_RAPPORT, citation),
            "indicatif": True,
        }, {"type": "LineString",
            "coordinates": [[round(lon, 6), round(lat, 6)] for lat, lon in pts]}))
    return feats


# --------------------------------------------------------------------------
# 6. Chaîne des parcs (sept parcs, ~2 400 ha au total selon le rapport)
# --------------------------------------------------------------------------
PARCS = [
    ("Parc Centralité",
     "Du parc d'agglomération de la Glissoire, du Louvre-Lens aux terrils du 11/19.",
     [(50.4035, 2.8060), (50.4030, 2.8140), (50.4150, 2.8110), (50.4290, 2.8085),
      (50.4330, 2.8055), (50.4440, 2.7955), (50.4560, 2.7895), (50.4655, 2.7855),
      (50.4660, 2.7740), (50.4585, 2.7740), (50.4470, 2.7885), (50.4310, 2.7995),
      (50.4150, 2.8050)]),
    ("Parc Souchez Aval",
     "Parc-canal de Lens jusqu'à la confluence avec le canal de la Deûle.",
     [(50.4340, 2.8420), (50.4360, 2.8600), (50.4405, 2.8850), (50.4465, 2.9100),
      (50.4535, 2.9320), (50.4565, 2.9310), (50.4500, 2.9085), (50.4440, 2.8830),
      (50.4390, 2.8590), (50.4372, 2.8410)]),
    ("Parc du Canal de la Deûle",
     "Entre la base de loisirs de Wingles, la confluence avec le canal de la Souchez et la "
     "« gare d'eau » de Courcelles-lès-Lens, avec le 9-9bis en point d'orgue.",
     [(50.4970, 2.8480), (50.4985, 2.8600), (50.4855, 2.8900), (50.4715, 2.9200),
      (50.4625, 2.9450), (50.4630, 2.9750), (50.4655, 3.0020), (50.4637, 3.0030),
      (50.4613, 2.9760), (50.4580, 2.9560), (50.4450, 2.9720), (50.4300, 2.9950),
      (50.4180, 3.0150), (50.4160, 3.0120), (50.4280, 2.9920), (50.4430, 2.9690),
      (50.4595, 2.9438), (50.4700, 2.9180),
      (50.4838, 2.8885), (50.4955, 2.8565)]),
    ("Parc Arc sud",
     "À la composante linéaire fortement marquée, entre Avion et Sainte-Henriette via le Parc "
     "des Iles, parc majeur du cœur du bassin minier.",
     [(50.4040, 2.8200), (50.4005, 2.8450), (50.3950, 2.8750), (50.3925, 2.9050),
      (50.3950, 2.9350), (50.4045, 2.9600), (50.4075, 2.9585), (50.3985, 2.9340),
      (50.3960, 2.9050), (50.3985, 2.8760), (50.4035, 2.8465), (50.4070, 2.8215)]),
    ("Parc Artois sud",
     "Autour de la forêt domaniale d'Olhain et de sa puissante base de loisirs, et des terrils "
     "d'Haillicourt dits du « Pays à part ».",
     [(50.4215, 2.5740), (50.4205, 2.5930), (50.4280, 2.5965), (50.4345, 2.5880),
      (50.4470, 2.5825), (50.4600, 2.5815), (50.4720, 2.5855), (50.4805, 2.5860),
      (50.4810, 2.5730), (50.4740, 2.5730), (50.4600, 2.5790), (50.4460, 2.5795),
      (50.4345, 2.5770), (50.4320, 2.5700)]),
    ("Parc des sites de mémoire",
     "Parc des sites de mémoire de la Grande Guerre, autour de la rivière de la Souchez amont, "
     "incluant la nécropole nationale de Notre-Dame-de-Lorette, l'Anneau de la Mémoire et la "
     "forêt mémorielle de Vimy.",
     [(50.3985, 2.7090), (50.3965, 2.7300), (50.3875, 2.7500), (50.3775, 2.7680),
      (50.3745, 2.7790), (50.3795, 2.7815), (50.3845, 2.7700), (50.3925, 2.7530),
      (50.4010, 2.7330), (50.4035, 2.7110)]),
    ("Parc vallée de la Lawe",
     "Liant notamment le bois des Dames et le canal d'Aire, avec des aménagements projetés et "
     "financés de chemins de halage et de lieux d'accueil pour le tourisme fluvial.",
     [(50.4960, 2.5730), (50.4955, 2.5810), (50.5060, 2.5880), (50.5200, 2.6010),
      (50.5330, 2.6135), (50.5415, 2.6215), (50.5435, 2.6170), (50.5350, 2.6090),
      (50.5220, 2.5975), (50.5085, 2.5820), (50.5020, 2.5715)]),
]


def parc_features():
    feats = []
    for nom, desc, pts in PARCS:
        feats.append(feature({
            "nom": nom, "description": desc,
            "source": "%s, « la chaîne des parcs de l'ouest du bassin minier »" % SRC_RAPPORT,
            "indicatif": True,
        }, polygon(ring_lonlat(pts))))
    return feats


def main():
    cites, geoms = cite_features()
    props = {f["properties"]["id"]: f["properties"] for f in cites}
    write("cites.geojson", cites)
    elems, zones = unesco_features(geoms, props)
    write("unesco-bien-inscrit.geojson", elems)
    write("unesco-zone-tampon.geojson", zones)
    write("terrils.geojson", terril_features())
    write("bulles.geojson", bulle_features())
    write("chaine-des-parcs.geojson", parc_features())


if __name__ == "__main__":
    main()
