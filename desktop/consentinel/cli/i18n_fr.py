"""French for the command line's messages (keys are the English ids)."""

from __future__ import annotations

FRENCH: dict[str, str] = {
    "--totp-stdin was given but standard input has no line for it.":
        "--totp-stdin est indiqué mais l'entrée standard n'a pas de ligne pour lui.",
    "@{handle} is already in your accounts.": "@{handle} fait déjà partie de vos comptes.",
    "@{handle} is not one of your accounts.": "@{handle} ne fait pas partie de vos comptes.",
    "@{handle}: X asks for your email or phone number: ":
        "@{handle} : X demande votre adresse e-mail ou votre numéro de téléphone : ",
    "@{handle}: enter the code X sent you by email or SMS: ":
        "@{handle} : saisissez le code que X vous a envoyé par e-mail ou SMS : ",
    "@{handle}: enter the code from your authenticator app: ":
        "@{handle} : saisissez le code de votre application d'authentification : ",
    "@{handle}: X needs you. Open a browser window to finish signing in? [y/N] ":
        "@{handle} : X a besoin de vous. Ouvrir une fenêtre de navigateur pour terminer "
        "la connexion ? [o/N] ",
    "Added @{handle}.": "@{handle} ajouté.",
    "Another check is already running; this one is skipped.":
        "Une vérification est déjà en cours ; celle-ci est ignorée.",
    "Another check is running{who}; waiting for it to end…":
        "Une autre vérification est en cours{who} ; attente de sa fin…",
    "Browser: {name} ({path}), found via {source}.":
        "Navigateur : {name} ({path}), trouvé via {source}.",
    "Give the password on standard input with --password-stdin.":
        "Donnez le mot de passe sur l'entrée standard avec --password-stdin.",
    "Interrupted.": "Interrompu.",
    "Keeps your X accounts out of AI training, and keeps them out.":
        "Tient vos comptes X à l'écart de l'entraînement de l'IA, durablement.",
    "No accounts yet. Add one with: consentinel account add HANDLE --password-stdin":
        "Aucun compte pour l'instant. Ajoutez-en un avec : "
        "consentinel account add IDENTIFIANT --password-stdin",
    "No browser found. Install Chromium (Debian/Ubuntu: sudo apt install chromium) "
    "or run: consentinel browser install":
        "Aucun navigateur trouvé. Installez Chromium (Debian/Ubuntu : sudo apt install chromium) "
        "ou lancez : consentinel browser install",
    "Password updated for @{handle}.": "Mot de passe mis à jour pour @{handle}.",
    "Removed @{handle}, its secrets and its session.":
        "@{handle} supprimé, avec ses secrets et sa session.",
    "Secrets stored in {where}.": "Secrets enregistrés dans {where}.",
    "The journal does not verify: {problem}": "Le journal ne se vérifie pas : {problem}",
    "The journal is empty.": "Le journal est vide.",
    "The journal is intact: {count} entries, chain verified.":
        "Le journal est intact : {count} entrées, chaîne vérifiée.",
    "The password is empty: nothing was saved.":
        "Le mot de passe est vide : rien n'a été enregistré.",
    "X password (leave empty to skip): ": "Mot de passe X (laisser vide pour passer) : ",
    "Usage error:": "Erreur d'utilisation :",
    "See: consentinel --help": "Voir : consentinel --help",
    "add an account": "ajouter un compte",
    "add, list or remove X accounts": "ajouter, lister ou retirer des comptes X",
    "boxes to keep off, e.g. training,personalization,memory (default: all)":
        "cases à garder décochées, p. ex. training,personalization,memory (par défaut : toutes)",
    "change the stored password": "changer le mot de passe enregistré",
    "check that the journal was not edited or truncated":
        "vérifier que le journal n'a été ni modifié ni tronqué",
    "check the accounts and untick what must be off":
        "vérifier les comptes et décocher ce qui doit l'être",
    "download Playwright's Chromium into the user's data folder":
        "télécharger le Chromium de Playwright dans le dossier de données de l'utilisateur",
    "list the accounts": "lister les comptes",
    "never checked": "jamais vérifié",
    "nobody is at the keyboard: never ask, record what needs you":
        "personne au clavier : ne rien demander, noter ce qui vous attend",
    "only this account": "seulement ce compte",
    "open the app on the simulated X": "ouvrir l'application sur le X simulé",
    "print JSON": "afficher en JSON",
    "print one JSON object": "afficher un objet JSON",
    "print the journal as CSV": "afficher le journal en CSV",
    "print the journal as JSON": "afficher le journal en JSON",
    "read the 2FA (TOTP) secret from the next line of standard input":
        "lire le secret 2FA (TOTP) sur la ligne suivante de l'entrée standard",
    "read the boxes but change nothing": "lire les cases sans rien changer",
    "read the password from the first line of standard input":
        "lire le mot de passe sur la première ligne de l'entrée standard",
    "remove an account, its secrets and its session":
        "retirer un compte, ses secrets et sa session",
    "show the browser used for checks, or install one":
        "afficher le navigateur utilisé, ou en installer un",
    "show the browser window during the check":
        "afficher la fenêtre du navigateur pendant la vérification",
    "show, export or verify the journal": "afficher, exporter ou vérifier le journal",
    "sign in to an account in a browser window":
        "se connecter à un compte dans une fenêtre de navigateur",
    "the email address X may ask for": "l'adresse e-mail que X peut demander",
    "the phone number X may ask for": "le numéro de téléphone que X peut demander",
    # Progress and results (cli/terminal.py)
    "waiting": "en attente",
    "opening the saved session": "ouverture de la session enregistrée",
    "signing in": "connexion",
    "reading the Grok settings page": "lecture de la page des paramètres Grok",
    "unticking": "décochage",
    "reloading to verify": "rechargement pour vérifier",
    "done": "terminé",
    "opted out (already off)": "refus déjà en place (cases décochées)",
    "fixed: switched off and verified": "corrigé : décoché et vérifié",
    "would be fixed (dry run)": "serait corrigé (essai à blanc)",
    "needs you": "a besoin de vous",
    "sign-in failed": "échec de connexion",
    "error": "erreur",
}
