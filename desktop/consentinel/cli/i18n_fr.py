"""French for the command line's messages (keys are the English ids)."""

from __future__ import annotations

FRENCH: dict[str, str] = {
    # -- `consentinel check`: a changed page, what to do and where its screenshot is
    "Consentinel could not check this account's boxes, and some may be on. Until it is "
    "updated for X's new page, check them yourself on x.com (Settings and privacy › "
    "Privacy and safety › Grok & Third-party Collaborators), and look for an update of "
    "Consentinel.": "Consentinel n'a pas pu vérifier les cases de ce compte, et certaines "
    "sont peut-être cochées. Tant qu'il n'est pas mis à jour pour la nouvelle page de X, "
    "vérifiez-les vous-même sur x.com (Paramètres et confidentialité › Confidentialité et "
    "sécurité › Grok et collaborateurs tiers), et cherchez une mise à jour de Consentinel.",
    "A screenshot of the page was saved: {path}":
        "Une capture d'écran de la page a été enregistrée : {path}",
    # -- `consentinel schedule pause|resume`
    "pause automatic checks, the app's and the OS job's, until `schedule resume`":
        "suspendre les vérifications automatiques, celles de l'application et celles de la "
        "tâche système, jusqu'à `schedule resume`",
    "resume automatic checks": "reprendre les vérifications automatiques",
    "Automatic checks were already paused.":
        "Les vérifications automatiques étaient déjà suspendues.",
    "Automatic checks are not paused.": "Les vérifications automatiques ne sont pas suspendues.",
    "Automatic checks are off: there is nothing to pause.":
        "Les vérifications automatiques sont désactivées : il n'y a rien à suspendre.",
    "Automatic checks are paused, the app's and the OS job's, until: "
    "consentinel schedule resume":
        "Les vérifications automatiques sont suspendues, celles de l'application et celles de "
        "la tâche système, jusqu'à : consentinel schedule resume",
    "Automatic checks are resumed, the app's and the OS job's.":
        "Les vérifications automatiques reprennent, celles de l'application et celles de la "
        "tâche système.",
    "A Consentinel window open now follows it within a minute.":
        "Une fenêtre de Consentinel ouverte en ce moment suit ce choix dans la minute.",
    "The check stopped: boxes at X may have been changed before it did, and the next check "
    "reads them again.": "La vérification s'est arrêtée : des cases ont pu être modifiées chez "
    "X avant, et la prochaine vérification les relira.",
    "Every account was checked lately, so the run at {skipped} is skipped; the first "
    "one that checks is at about {when}.": "Chaque compte a été vérifié récemment : le passage "
    "du {skipped} n'aura pas lieu ; le premier qui vérifie est vers le {when}.",
    "The menu entry opens Consentinel with its usual data folder, not the one "
    "CONSENTINEL_HOME names.": "L'entrée du menu ouvre Consentinel avec son dossier de données "
    "habituel, pas celui que désigne CONSENTINEL_HOME.",
    # -- the names of the values in usage lines and help (argparse's metavars; EMAIL is the
    # same in French), and the title of the list of a command's commands
    "HANDLE": "IDENTIFIANT",
    "BOXES": "CASES",
    "COMMAND": "COMMANDE",
    "commands": "commandes",
    "PHONE": "TÉLÉPHONE",
    "FILE": "FICHIER",
    "with --json or --csv: write FILE, readable by you alone, instead of printing (a "
    "file made by the shell's > is often readable by other users)":
        "avec --json ou --csv : écrire FICHIER, lisible par vous seul, au lieu d'afficher (un "
        "fichier créé par le > du shell est souvent lisible par les autres utilisateurs)",
    "This check's entries were added to it. `consentinel log --verify` says what is "
    "wrong; `consentinel log --start-over` keeps it aside and begins a new one.":
        "Les entrées de cette vérification y ont été ajoutées. `consentinel log --verify` dit "
        "ce qui ne va pas ; `consentinel log --start-over` le met de côté et en commence un "
        "nouveau.",
    "The data folder {folder} cannot be written: shown as it is, and nothing "
    "in it is changed.":
        "Le dossier de données {folder} n'est pas modifiable : il est montré tel quel, et rien "
        "n'y est changé.",
    "--output writes an export: add --json or --csv.":
        "--output écrit un export : ajoutez --json ou --csv.",
    "1 entry written to {path} (readable by you alone).":
        "1 entrée écrite dans {path} (lisible par vous seul).",
    "{count} entries written to {path} (readable by you alone).":
        "{count} entrées écrites dans {path} (lisible par vous seul).",
    "1 entry written to {path} (readable by you alone), in place of the file that "
    "was there.":
        "1 entrée écrite dans {path} (lisible par vous seul), à la place du fichier qui s'y "
        "trouvait.",
    "{count} entries written to {path} (readable by you alone), in place of the "
    "file that was there.":
        "{count} entrées écrites dans {path} (lisible par vous seul), à la place du fichier "
        "qui s'y trouvait.",
    "add the app to the menu": "ajouter l'application au menu",
    "take the app out of the menu": "retirer l'application du menu",
    "--totp-stdin was given but standard input has no line for it.":
        "--totp-stdin est indiqué mais l'entrée standard n'a pas de ligne pour lui.",
    "@{handle} is already in your accounts.": "@{handle} fait déjà partie de vos comptes.",
    "@{handle} is not one of your accounts.": "@{handle} ne fait pas partie de vos comptes.",
    "@{handle}: X asks for your email or phone number: ":
        "@{handle} : X demande votre adresse e-mail ou votre numéro de téléphone : ",
    "@{handle}: enter the code X sent you by email or SMS: ":
        "@{handle} : saisissez le code que X vous a envoyé par e-mail ou SMS : ",
    "Saved for this account: {email} and {phone}.":
        "Enregistrés pour ce compte : {email} et {phone}.",
    "Saved for this account: {email}.": "Enregistré pour ce compte : {email}.",
    "@{handle}: no answer for {minutes} min: the question is closed, and the check goes on "
    "without this account.":
        "@{handle} : pas de réponse depuis {minutes} min : la question est fermée, et la "
        "vérification continue sans ce compte.",
    "@{handle}: the code is 6 to 8 digits (spaces and hyphens aside); nothing was sent "
    "to X. Type it again.": "@{handle} : le code compte 6 à 8 chiffres (espaces et tirets "
    "mis à part) ; rien n'a été envoyé à X. Saisissez-le à nouveau.",
    "@{handle}: the code has 4 to 12 letters or digits (spaces and hyphens aside); nothing "
    "was sent to X. Type it again.": "@{handle} : le code compte 4 à 12 lettres ou chiffres "
    "(espaces et tirets mis à part) ; rien n'a été envoyé à X. Saisissez-le à nouveau.",
    "@{handle}: enter the code from your authenticator app: ":
        "@{handle} : saisissez le code de votre application d'authentification : ",
    "@{handle}: X locked the account until you verify it. Unlock it first: sign in on x.com "
    "and do what X asks. Then, open a browser window to finish signing in? [y/N] ":
        "@{handle} : X a verrouillé le compte jusqu'à ce que vous le vérifiiez. "
        "Déverrouillez-le d'abord : connectez-vous sur x.com et faites ce que X demande. "
        "Ensuite, ouvrir une fenêtre de navigateur pour terminer la connexion ? [o/N] ",
    "@{handle}: X needs you. Open a browser window to finish signing in? [y/N] ":
        "@{handle} : X a besoin de vous. Ouvrir une fenêtre de navigateur pour terminer "
        "la connexion ? [o/N] ",
    "@{handle}: X needs you ({why}). Open a browser window to finish signing in? [y/N] ":
        "@{handle} : X a besoin de vous ({why}). Ouvrir une fenêtre de navigateur pour terminer "
        "la connexion ? [o/N] ",
    "Added @{handle}.": "@{handle} ajouté.",
    "Every account was checked since {when}, less than {hours} hours ago; this"
    " scheduled check is skipped.": "Chaque compte a été vérifié depuis le {when}, il y a moins de"
    " {hours} heures ; cette vérification planifiée est ignorée.",
    "Every account was checked since {when}, less than {days} days ago; this scheduled"
    " check is skipped.": "Chaque compte a été vérifié depuis le {when}, il y a moins de {days}"
    " jours ; cette vérification planifiée est ignorée.",
    "Every other account was checked since {when}, less than {hours} hours ago; this "
    "scheduled check is skipped.": "Chaque autre compte a été vérifié depuis le {when}, il y a "
    "moins de {hours} heures ; cette vérification planifiée est ignorée.",
    "Every other account was checked since {when}, less than {days} days ago; this "
    "scheduled check is skipped.": "Chaque autre compte a été vérifié depuis le {when}, il y a "
    "moins de {days} jours ; cette vérification planifiée est ignorée.",
    "Every account waits for you; this scheduled check is skipped.":
        "Chaque compte attend une action de votre part ; cette vérification planifiée est "
        "ignorée.",
    "{needs}. Until then, Consentinel cannot check it.":
        "{needs}. D'ici là, Consentinel ne peut pas le vérifier.",
    "No account is due at {skipped}, so that run is skipped; the first one that checks is at "
    "about {when}.": "Aucun compte n'est à vérifier le {skipped} : ce passage n'aura pas lieu ; "
    "le premier qui vérifie est vers le {when}.",
    "This scheduled check is skipped; the next one tries again.":
        "Cette vérification planifiée est ignorée ; la suivante réessaiera.",
    "Checked lately, so not checked by this scheduled check: {handles}.":
        "Vérifiés récemment, donc pas par cette vérification planifiée : {handles}.",
    "Another check is running{who}: this one waits for it to end (at most {minutes} "
    "minutes).":
        "Une autre vérification est en cours{who} : celle-ci attend sa fin ({minutes} minutes "
        "au plus).",
    "Another check is still running after {minutes} minutes of waiting; this one is "
    "skipped.":
        "Une autre vérification est toujours en cours après {minutes} minutes d'attente ; "
        "celle-ci est ignorée.",
    "X could not be reached for {handles}: this scheduled check tries again in {minutes} "
    "minutes, or as soon as X answers (try {attempt} of {attempts}). Other checks may run "
    "meanwhile.":
        "X n'a pas pu être joint pour {handles} : cette vérification planifiée réessaie dans "
        "{minutes} minutes, ou dès que X répond (essai {attempt} sur {attempts}). D'autres "
        "vérifications peuvent passer entre-temps.",
    "Another check is running{who}: the next try waits for it to end.":
        "Une autre vérification est en cours{who} : l'essai suivant attend sa fin.",
    "Another check is still running: this scheduled check does not try again.":
        "Une autre vérification est toujours en cours : cette vérification planifiée ne "
        "réessaie pas.",
    "Another check took those accounts to X meanwhile: no next try is needed.":
        "Une autre vérification a mené ces comptes jusqu'à X entre-temps : pas besoin d'un "
        "nouvel essai.",
    "No time is left for another try; the next scheduled check tries again.":
        "Il ne reste pas de temps pour un autre essai ; la prochaine vérification planifiée "
        "réessaiera.",
    "Another check is running{who}; waiting for it to end…":
        "Une autre vérification est en cours{who} ; attente de sa fin…",
    "Browser: {name} ({path}), found via {source}.":
        "Navigateur : {name} ({path}), trouvé via {source}.",
    "Give the password on standard input with --password-stdin.":
        "Donnez le mot de passe sur l'entrée standard avec --password-stdin.",
    "Interrupted.": "Interrompu.",
    # -- what a check stopped before its end had done (cli/stopped_run.py)
    "Accounts checked: {done} of {total}.": "Comptes vérifiés : {done} sur {total}.",
    "Not checked, left for the next check: @{handle}.":
        "Non vérifié, laissé à la prochaine vérification : @{handle}.",
    "Not checked, left for the next check: {handles}.":
        "Non vérifiés, laissés à la prochaine vérification : {handles}.",
    "Stopped while unticking boxes on {handles}: the next check reads them again.":
        "Arrêté en décochant des cases de {handles} : la prochaine vérification les relit.",
    "Stopped: the system asked Consentinel to end.": (
        "Arrêté : le système a demandé à Consentinel de s'arrêter."
    ),
    "Keeps your X accounts out of AI training, and keeps them out.":
        "Tient vos comptes X à l'écart de l'entraînement de l'IA, durablement.",
    "The accounts are listed with their last checks as the accounts file remembers them.":
        "Les comptes sont listés avec leurs dernières vérifications telles que le fichier des "
        "comptes les a gardées.",
    "No accounts yet. Add one with: consentinel account add HANDLE":
        "Aucun compte pour l'instant. Ajoutez-en un avec : consentinel account add IDENTIFIANT",
    "No accounts yet, so this scheduled check has nothing to check. Add one with: "
    "consentinel account add HANDLE":
        "Aucun compte pour l'instant : cette vérification planifiée n'a rien à vérifier. "
        "Ajoutez-en un avec : consentinel account add IDENTIFIANT",
    "No browser found. Install Chromium (Debian: sudo apt install chromium; "
    "Ubuntu: sudo snap install chromium) or run: consentinel browser install":
        "Aucun navigateur trouvé. Installez Chromium (Debian : sudo apt install chromium ; "
        "Ubuntu : sudo snap install chromium) ou lancez : consentinel browser install",
    "Password updated for @{handle}.": "Mot de passe mis à jour pour @{handle}.",
    "The password of @{handle} is saved, but its account could not be updated: {error}":
        "Le mot de passe de @{handle} est enregistré, mais son compte n'a pas pu être mis à "
        "jour : {error}",
    "@{handle} was removed while its password was being saved, and the password could not be "
    "deleted from the keyring: {error}":
        "@{handle} a été retiré pendant l'enregistrement de son mot de passe, et ce mot de "
        "passe n'a pas pu être supprimé du trousseau : {error}",
    "@{handle} was removed while its password was being saved: the password was deleted "
    "again.":
        "@{handle} a été retiré pendant l'enregistrement de son mot de passe : le mot de "
        "passe a été supprimé à nouveau.",
    "Removed @{handle}, its secrets and its session.":
        "@{handle} retiré, avec ses secrets et sa session.",
    "Secrets stored in {where}.": "Secrets enregistrés dans {where}.",
    "No password was saved: checks can only use a session you sign in yourself "
    "(consentinel login {handle}), or save one with: consentinel account set-password {handle} "
    "--password-stdin":
        "Aucun mot de passe n'a été enregistré : les vérifications ne peuvent utiliser qu'une "
        "session ouverte par vous (consentinel login {handle}), ou enregistrez-en un avec : "
        "consentinel account set-password {handle} --password-stdin",
    "The journal does not verify: {problem}": "Le journal ne se vérifie pas : {problem}",
    "The journal does not verify: its file is damaged.":
        "Le journal ne se vérifie pas : son fichier est endommagé.",
    "The journal does not verify: it was written by a newer Consentinel.":
        "Le journal ne se vérifie pas : une version plus récente de Consentinel l'a écrit.",
    "It was left as it is: the app, or a check, sets it aside and begins a new "
    "journal when it next opens it.":
        "Il a été laissé tel quel : l'application, ou une vérification, le met de côté et "
        "commence un nouveau journal la prochaine fois qu'elle l'ouvre.",
    "The journal does not verify: {count} problems.":
        "Le journal ne se vérifie pas : {count} problèmes.",
    "  … and {more} more: export JSON to see them all.":
        "  … et {more} autres : exportez en JSON pour les voir tous.",
    "The journal is empty.": "Le journal est vide.",
    "The journal is intact: no entries yet.":
        "Le journal est intact : aucune entrée pour l'instant.",
    "The journal is intact: {count} entries, chain verified.":
        "Le journal est intact : {count} entrées, chaîne vérifiée.",
    "The journal is intact: 1 entry, chain verified.":
        "Le journal est intact : 1 entrée, chaîne vérifiée.",
    "It started over on {when}: the journal before it was set aside as {name}, next to it.":
        "Il a recommencé le {when} : le journal précédent a été mis de côté sous le nom {name}, "
        "à côté de lui.",
    "The password is empty: nothing was saved.":
        "Le mot de passe est vide : rien n'a été enregistré.",
    "The password is only spaces: nothing was saved.":
        "Le mot de passe n'est fait que d'espaces : rien n'a été enregistré.",
    "X password (leave empty to skip): ": "Mot de passe X (vide pour ignorer) : ",
    "X password: ": "Mot de passe X : ",
    "Type it again: ": "Tapez-le à nouveau : ",
    "The account is added without a password or 2FA secret.":
        "Le compte est ajouté sans mot de passe ni secret 2FA.",
    "The two entries differ.": "Les deux saisies diffèrent.",
    "No 2FA secret was saved, as none of the three typed was a valid one: save it with "
    "`consentinel account set-totp {handle}`.":
        "Aucun secret 2FA n'a été enregistré, car aucun des trois tapés n'était valide : "
        "enregistrez-le avec `consentinel account set-totp {handle}`.",
    "The password was not typed the same way twice: nothing was saved.": (
        "Le mot de passe n'a pas été tapé deux fois de la même façon : rien n'a été enregistré."
    ),
    "No answer: nothing was saved.": "Pas de réponse : rien n'a été enregistré.",
    "Standard input is closed: nothing was read, nothing was saved.":
        "L'entrée standard est fermée : rien n'a été lu, rien n'a été enregistré.",
    "Usage error:": "Erreur d'utilisation :",
    "See: {command} --help": "Voir : {command} --help",
    "add an account": "ajouter un compte",
    # -- `consentinel account import`
    "add accounts from a CSV or TSV file (a spreadsheet saved as text)":
        "ajouter des comptes depuis un fichier CSV ou TSV (un tableur enregistré en texte)",
    "The file is in UTF-8; its first row names the columns: handle and password, and if you "
    "have them 2FA secret, email and phone (in French: compte, mot de passe, secret 2FA, "
    "e-mail, téléphone). Commas, semicolons or tabs separate the cells. Each row is checked as "
    "`account add` checks an account; the secrets go to the keyring, never elsewhere. Delete "
    "the file afterwards: it holds passwords in clear.":
        "Le fichier est en UTF-8 ; sa première ligne nomme les colonnes : compte et mot de "
        "passe, et si vous les avez secret 2FA, e-mail et téléphone (en anglais : handle, "
        "password, 2FA secret, email, phone). Des virgules, des points-virgules ou des "
        "tabulations séparent les cellules. Chaque ligne est vérifiée comme `account add` "
        "vérifie un compte ; les secrets vont dans le trousseau, jamais ailleurs. Supprimez le "
        "fichier ensuite : il contient des mots de passe en clair.",
    "the file to read, or - for standard input": "le fichier à lire, ou - pour l'entrée standard",
    "check the file and say what would be imported, importing nothing":
        "vérifier le fichier et dire ce qui serait importé, sans rien importer",
    "Rows that can be imported: {ready} of {rows}. Nothing was imported (--dry-run).":
        "Lignes à importer : {ready} sur {rows}. Rien n'a été importé (--dry-run).",
    "Nothing was imported.": "Rien n'a été importé.",
    "row {row}, @{handle}": "ligne {row}, @{handle}",
    "row {row}": "ligne {row}",
    # (the subject is the row: "ligne 2, @x : importée")
    "{who}: cannot be imported: {reason}": "{who} : ne peut pas être importée : {reason}",
    "{who}: can be imported": "{who} : peut être importée",
    "{who}: imported": "{who} : importée",
    "{who}: skipped: {reason}": "{who} : ignorée : {reason}",
    "change an account's email, phone or boxes; its secrets stay":
        "changer l'e-mail, le téléphone ou les cases d'un compte ; ses secrets restent",
    "the email address X may ask for ('' removes it)":
        "l'adresse e-mail que X peut demander ('' la retire)",
    "the phone number X may ask for ('' removes it)":
        "le numéro de téléphone que X peut demander ('' le retire)",
    "boxes to keep off besides training (always off): personalization, memory, or all; '' "
    "for training alone":
        "cases à garder décochées en plus de l'entraînement (toujours décoché) : "
        "personnalisation, mémoire, ou toutes ; '' pour l'entraînement seul",
    "Nothing to change: give --email, --phone or --keep.":
        "Rien à changer : donnez --email, --phone ou --keep.",
    "@{handle} already has these details: nothing changed.":
        "@{handle} a déjà ces informations : rien n'a changé.",
    "Updated @{handle}.": "@{handle} mis à jour.",
    "none": "aucun",
    "email: {value}": "e-mail : {value}",
    "phone: {value}": "téléphone : {value}",
    "boxes kept off: {boxes}": "cases gardées décochées : {boxes}",
    "add, list, edit or remove X accounts, or change their secrets":
        "ajouter, lister, modifier ou retirer des comptes X, ou changer leurs secrets",
    "read the secret from the first line of standard input":
        "lire le secret sur la première ligne de l'entrée standard",
    "2FA secret saved for @{handle}.": "Secret 2FA enregistré pour @{handle}.",
    "No 2FA secret is saved for @{handle}: nothing to remove.": (
        "Aucun secret 2FA n'est enregistré pour @{handle} : rien à retirer."
    ),
    "2FA secret removed for @{handle}. If X still asks for a code, the next check says it "
    "needs you.": (
        "Secret 2FA retiré pour @{handle}. Si X demande encore un code, la prochaine "
        "vérification dira qu'elle a besoin de vous."
    ),
    "save, change or remove the 2FA (TOTP) secret": (
        "enregistrer, changer ou retirer le secret 2FA (TOTP)"
    ),
    "forget the saved secret (2FA turned off on X, or not to be kept here)": (
        "oublier le secret enregistré (2FA désactivée sur X, ou à ne pas garder ici)"
    ),
    "make codes again from the saved secret, after X refused one": (
        "produire de nouveau les codes à partir du secret enregistré, après un refus de X"
    ),
    "No 2FA secret is saved for @{handle}: save one with `consentinel account set-totp "
    "{handle}`.": (
        "Aucun secret 2FA n'est enregistré pour @{handle} : enregistrez-en un avec "
        "`consentinel account set-totp {handle}`."
    ),
    "The 2FA secret saved for @{handle} is not a valid one (a setup key is letters A to Z and "
    "digits 2 to 7), so no code can be made from it: save the right one with `consentinel "
    "account set-totp {handle}`, or remove it with `consentinel account set-totp {handle} "
    "--remove`.": (
        "Le secret 2FA enregistré pour @{handle} n'est pas valide (une clé de configuration ne "
        "contient que les lettres A à Z et les chiffres 2 à 7), aussi aucun code ne peut en être "
        "produit : enregistrez le bon avec `consentinel account set-totp {handle}`, ou "
        "supprimez-le avec `consentinel account set-totp {handle} --remove`."
    ),
    "Checks already make codes from the 2FA secret saved for @{handle}: nothing to change.": (
        "Les vérifications produisent déjà les codes à partir du secret 2FA enregistré pour "
        "@{handle} : rien à changer."
    ),
    "Checks make codes from the 2FA secret saved for @{handle} again. If X refuses the next "
    "one too, the secret is not this account's or this computer's clock is wrong.": (
        "Les vérifications produisent de nouveau les codes à partir du secret 2FA enregistré "
        "pour @{handle}. Si X refuse aussi le suivant, le secret n'est pas celui de ce compte ou "
        "l'horloge de cet ordinateur n'est pas à l'heure."
    ),
    "2FA (TOTP) secret: ": "Secret 2FA (TOTP) : ",
    "2FA (TOTP) secret (leave empty to skip): ": "Secret 2FA TOTP (vide pour ignorer) : ",
    "Give the secret on standard input with --totp-stdin.":
        "Donnez le secret sur l'entrée standard avec --totp-stdin.",
    "boxes to keep off besides training (always off): personalization, memory, or all (the "
    "default); '' for training alone":
        "cases à garder décochées en plus de l'entraînement (toujours décoché) : "
        "personnalisation, mémoire, ou toutes (par défaut) ; '' pour l'entraînement seul",
    "change the stored password": "changer le mot de passe enregistré",
    "check that the journal and its screenshots were not edited or truncated (the whole "
    "journal)":
        "vérifier que le journal et ses captures d'écran n'ont été ni modifiés ni tronqués (tout "
        "le journal)",
    "--verify checks the whole journal, every account's entries.":
        "--verify vérifie tout le journal, les entrées de chaque compte.",
    "check the accounts and untick what must be off":
        "vérifier les comptes et décocher ce qui doit l'être",
    "download Playwright's Chromium into Consentinel's data folder":
        "télécharger le Chromium de Playwright dans le dossier de données de Consentinel",
    "list the accounts": "lister les comptes",
    "not checked yet": "pas encore vérifié",
    "remove the account even when no keyring can be reached (its secrets stay there)":
        "retirer le compte même si aucun trousseau n'est joignable (ses secrets y restent)",
    "Nothing was removed. To remove the account anyway and leave any secrets it has in that "
    "keyring: {command}":
        "Rien n'a été retiré. Pour retirer le compte quand même et laisser dans ce trousseau les "
        "secrets qu'il pourrait avoir : {command}",
    "Removed @{handle} and its session. No keyring could be reached: any secrets it has there "
    "were not deleted.":
        "@{handle} et sa session ont été retirés. Aucun trousseau n'était joignable : les secrets "
        "qu'il pourrait y avoir n'ont pas été supprimés.",
    # -- `consentinel log` in words (cli/log_words.py)
    "check started": "vérification commencée",
    "check finished": "vérification terminée",
    "check interrupted": "vérification interrompue",
    "its process is gone (killed, or the computer stopped); not written in the journal yet":
        "son processus n'existe plus (arrêté de force, ou l'ordinateur s'est arrêté) ; pas "
        "encore écrit dans le journal",
    "account checked": "compte vérifié",
    "box changed": "case modifiée",
    "untick not saved": "décochage non enregistré",
    "sign-in": "connexion",
    "screenshot": "capture d'écran",
    "notification": "notification",
    "account added": "compte ajouté",
    "account removed": "compte retiré",
    "account edited": "compte modifié",
    # -- consentinel account restore (cli/account_restore_cmd.py)
    "add back the accounts the journal knows and the list lacks":
        "rajouter les comptes que le journal connaît et qui manquent à la liste",
    "After the accounts file was set aside (damaged, or a newer version's) or deleted: each "
    "account the journal says was added and not removed comes back, with the boxes it kept "
    "off. Its password, 2FA secret and saved session were never removed and are used again; "
    "an email address or phone number is not in the journal.":
        "Après que le fichier des comptes a été mis de côté (abîmé, ou d'une version plus "
        "récente) ou supprimé : chaque compte que le journal dit ajouté et non retiré revient, "
        "avec les cases qu'il gardait décochées. Son mot de passe, son secret 2FA et sa session "
        "enregistrée n'ont jamais été supprimés et servent à nouveau ; une adresse e-mail ou un "
        "numéro de téléphone ne figure pas dans le journal.",
    "Nothing to add back: every account the journal knows is in the list.":
        "Rien à rajouter : chaque compte que le journal connaît est dans la liste.",
    "@{handle} added back.": "@{handle} rajouté.",
    "@{handle} added back, keeping every box off: the journal does not say which boxes it "
    "kept off (it was added by an older Consentinel). If you had left some on: consentinel "
    "account edit {handle} --keep BOXES":
        "@{handle} rajouté, toutes ses cases gardées décochées : le journal ne dit pas "
        "lesquelles il gardait décochées (il a été ajouté par une version plus ancienne de "
        "Consentinel). Si vous en laissiez cochées : consentinel account edit {handle} --keep "
        "CASES",
    "The other accounts were not added back: {problem}":
        "Les autres comptes n'ont pas été rajoutés : {problem}",
    "Their passwords, 2FA secrets and saved sessions are used as before. An email address or "
    "phone number X may ask for is not in the journal: add it again with consentinel account "
    "edit HANDLE --email … --phone …":
        "Leurs mots de passe, secrets 2FA et sessions enregistrées servent comme avant. Une "
        "adresse e-mail ou un numéro de téléphone que X peut demander ne figure pas dans le "
        "journal : rajoutez-le avec consentinel account edit IDENTIFIANT --email … --phone …",
    "The journal knows an account the list lacks ({handles}): consentinel account restore "
    "adds it back.":
        "Le journal connaît un compte qui manque à la liste ({handles}) : consentinel account "
        "restore le rajoute.",
    "The journal knows {count} accounts the list lacks ({handles}): consentinel account "
    "restore adds them back.":
        "Le journal connaît {count} comptes qui manquent à la liste ({handles}) : consentinel "
        "account restore les rajoute.",
    "settings changed": "paramètres modifiés",
    "from the app": "depuis l'application",
    "from the command line": "depuis la ligne de commande",
    "by the schedule": "par la planification",
    "finished": "terminée",
    "X asked for a two-factor code": "X a demandé un code de double authentification",
    "X asked for a code sent by email or text message": (
        "X a demandé un code envoyé par e-mail ou par SMS"
    ),
    "X showed a captcha": "X a affiché un captcha",
    "X asked to slow down (no request sent: waiting out the back-off X asked for earlier)":
        "X a demandé de ralentir (aucune requête envoyée : attente de la fin du délai demandé "
        "plus tôt par X)",
    "X asked to slow down (no request sent: waiting out the back-off X asked for at {when})":
        "X a demandé de ralentir (aucune requête envoyée : attente de la fin du délai demandé "
        "par X le {when})",
    "{status} (no sign-in tried: waiting out the back-off after {why})":
        "{status} (aucune connexion tentée : attente de la fin du délai après « {why} »)",
    "{status} (no sign-in tried: waiting out the back-off after {why} at {when})":
        "{status} (aucune connexion tentée : attente de la fin du délai après « {why} » le {when})",
    "X saw unusual activity": "X a constaté une activité inhabituelle",
    "X refused the sign-in": "X a refusé la connexion",
    "the account is locked": "le compte est verrouillé",
    "the session expired": "la session a expiré",
    "no session or password saved": "ni session ni mot de passe enregistrés",
    "wrong password": "mot de passe incorrect",
    "X does not know this account": "X ne connaît pas ce compte",
    "X's page has changed": "la page de X a changé",
    "X did not save the change": "X n'a pas enregistré la modification",
    "X unreachable or failing": "X injoignable ou défaillant",
    "X took too long to answer": "X a mis trop de temps à répondre",
    "no usable browser": "aucun navigateur utilisable",
    "the browser stopped": "le navigateur s'est arrêté",
    "the keyring is unavailable": "le trousseau est indisponible",
    "X asked to slow down": "X a demandé de ralentir",
    "waiting after a refused sign-in": "en attente après une connexion refusée",
    "X does not allow unticking": "X ne permet pas de décocher",
    "a screenshot could not be kept": "une capture d'écran n'a pas pu être conservée",
    "X refused the code from the saved 2FA secret":
        "X a refusé le code fait avec le secret 2FA enregistré",
    "X refused the 2FA code made by this computer's clock":
        "X a refusé le code 2FA fait par l'horloge de cet ordinateur",
    "{name}: {count}": "{name} : {count}",
    "journal started over": "journal recommencé",
    "accounts file set aside": "fichier des comptes mis de côté",
    "the journal found was written by a newer Consentinel; set aside as {name}":
        "le journal trouvé avait été écrit par une version plus récente de Consentinel ; mis de "
        "côté sous le nom {name}",
    "the journal found could not be read; set aside as {name}":
        "le journal trouvé était illisible ; mis de côté sous le nom {name}",
    "{box}: {state}": "case {box} : {state}",
    "cancelled": "annulée",
    "interrupted": "interrompue",
    "signed in": "connecté",
    "{box}: {before} → {after}": "case {box} : {before} → {after}",
    "{box}: still on": "case {box} : toujours cochée",
    "{box}: not read back": "case {box} : non relue",
    "on": "cochée",
    "off": "décochée",
    "@{handle}: {what}…": "@{handle} : {what}…",
    "@{handle}: {what}": "@{handle} : {what}",
    "@{handle}: X refused the code typed from its email or SMS; another wrong code may get X "
    "to lock the account.":
        "@{handle} : X a refusé le code saisi de son e-mail ou SMS ; un code faux de plus "
        "pourrait amener X à verrouiller le compte.",
    "@{handle}: X refused the code made from the saved 2FA secret; another wrong code may get X "
    "to lock the account.":
        "@{handle} : X a refusé le code produit par le secret 2FA enregistré ; un code faux de "
        "plus pourrait amener X à verrouiller le compte.",
    "@{handle}: X refused the two-factor code typed; another wrong code may get X to lock the "
    "account.":
        "@{handle} : X a refusé le code de double authentification saisi ; un code faux de plus "
        "pourrait amener X à verrouiller le compte.",
    "show the version and exit": "afficher la version et quitter",
    "The journal has no entry for @{handle}.": "Le journal n'a aucune entrée pour @{handle}.",
    "The journal has no entry for @{handle}: nothing was written.":
        "Le journal n'a aucune entrée pour @{handle} : rien n'a été écrit.",
    "nobody is at the keyboard: never ask, record what needs you":
        "personne au clavier : ne rien demander, noter ce qui a besoin de vous",
    "only this account": "seulement ce compte",
    "open the app on the simulated X": "ouvrir l'application sur le X simulé",
    "print the accounts as JSON": "afficher les comptes en JSON",
    "print the findings as JSON": "afficher le diagnostic en JSON",
    "print the result as one JSON object": "afficher le résultat en un seul objet JSON",
    "print the journal as CSV, for scripts: the journal's codes, the same in every "
    "language (`consentinel log` says each entry in yours)":
        "afficher le journal en CSV, pour les scripts : les codes du journal, les mêmes dans "
        "toutes les langues (`consentinel log` dit chaque entrée dans la vôtre)",
    "print the journal as JSON": "afficher le journal en JSON",
    "read the 2FA (TOTP) secret from the next line of standard input (the first line without "
    "--password-stdin)":
        "lire le secret 2FA (TOTP) sur la ligne suivante de l'entrée standard (la première sans "
        "--password-stdin)",
    "read the boxes but change nothing": "lire les cases sans rien changer",
    "At a terminal, it asks for the password (typed twice) and then the 2FA secret; "
    "either may be left empty. From a pipe, --password-stdin and --totp-stdin name the "
    "lines to read.":
        "Au terminal, la commande demande le mot de passe (tapé deux fois) puis le secret 2FA ; "
        "chacun peut rester vide. Depuis un tube, --password-stdin et --totp-stdin désignent "
        "les lignes à lire.",
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
    "opening the session": "ouverture de la session",
    "the X handle, with or without @": "l'identifiant X, avec ou sans @",
    "one of your accounts": "l'un de vos comptes",
    "accounts to check (default: all)": "comptes à vérifier (par défaut : tous)",
    "waiting while another account signs in": "en attente : un autre compte se connecte",
    "signing in": "connexion",
    "waiting for your code": "en attente de votre code",
    "waiting for your answer": "en attente de votre réponse",
    "waiting for you to sign in in the browser window":
        "en attente de votre connexion dans la fenêtre du navigateur",
    "reading the Grok settings page": "lecture de la page des paramètres Grok",
    "unticking": "décochage",
    "reloading to verify": "rechargement pour vérifier",
    "done": "terminé",
    # The window's words (dialog_words), with what a terminal adds.
    "already off (nothing to change)": "déjà décoché (rien à changer)",
    "fixed (switched off and verified)": "corrigé (décoché et vérifié)",
    "would be fixed (dry run)": "serait corrigé (simulation)",
    "{box}: not shown, on at X": "case {box} : non affichée, cochée chez X",
    "a dry run: nothing changed": "une simulation : rien n'est changé",
    "against {origin}, not X": "auprès de {origin} et non de X",
    "needs you": "vous attend",
    "sign-in failed": "échec de la connexion",
    "error": "erreur",
    # What a run's checks came to (consentinel log: a check finished), counted by kind.
    "all boxes off": "tout décoché",
    "would be fixed": "seraient corrigés",
    "need you": "vous attendent",
    "could not be checked": "n'ont pas pu être vérifiés",
    "still on at X": "encore cochés chez X",
    "checks cancelled": "vérifications annulées",
    # The doctor (core/doctor.py, cli/doctor_cmd.py)
    "check this computer: Python, Qt, keyring, browser, data folder, schedule, X":
        "diagnostiquer cet ordinateur : Python, Qt, trousseau, navigateur, dossier de données, "
        "planification, X",
    # cli/login_cmd.py, after the window's time ran out
    "Unlock the account on x.com first, then run `consentinel login {handle}` again.":
        "Déverrouillez d'abord le compte sur x.com, puis relancez `consentinel login {handle}`.",
    "Run `consentinel login {handle}` again when you have time to finish it.":
        "Relancez `consentinel login {handle}` quand vous aurez le temps de terminer la "
        "connexion.",
    "All good.": "Tout va bien.",
    "Nothing to fix on this computer, but X cannot be reached from here.":
        "Rien à corriger sur cet ordinateur, mais X est injoignable d'ici.",
    "1 other line above has advice.": "1 autre ligne ci-dessus donne un conseil.",
    "{count} other lines above have advice.":
        "{count} autres lignes ci-dessus donnent des conseils.",
    "Nothing blocks Consentinel here, but 1 line above has advice.":
        "Rien n'empêche Consentinel de fonctionner ici, mais 1 ligne ci-dessus donne un conseil.",
    "Nothing blocks Consentinel here, but {count} lines above have advice.":
        "Rien n'empêche Consentinel de fonctionner ici, mais {count} lignes ci-dessus donnent "
        "des conseils.",
    "Some lines above need attention.": "Certaines lignes ci-dessus demandent votre attention.",
    "FIX": "À FAIRE",
    "Doctor": "Diagnostic",
    "A check failed unexpectedly: {error}":
        "Une vérification a échoué de façon inattendue : {error}",
    "Please report this problem.": "Merci de signaler ce problème.",
    "bundled application": "application autonome",
    "Consentinel needs Python 3.10 or newer.":
        "Consentinel a besoin de Python 3.10 ou plus récent.",
    "PySide6 cannot be imported: {error}": "Impossible d'importer PySide6 : {error}",
    "The window needs PySide6 and Qt's system libraries "
    "(Debian/Ubuntu: sudo apt install libxcb-cursor0 libegl1 libgl1).":
        "La fenêtre a besoin de PySide6 et des bibliothèques système de Qt "
        "(Debian/Ubuntu : sudo apt install libxcb-cursor0 libegl1 libgl1).",
    "{versions}; the window cannot open on this X11 screen, these system libraries are "
    "missing: {libraries}.":
        "{versions} ; la fenêtre ne peut pas s'ouvrir sur cet écran X11, il manque ces "
        "bibliothèques système : {libraries}.",
    "Install what it needs (Debian/Ubuntu: sudo apt install {packages}), then start "
    "Consentinel again.":
        "Installez ce qu'il lui faut (Debian/Ubuntu : sudo apt install {packages}), puis "
        "relancez Consentinel.",
    "Also needed, from your distribution's packages: {libraries}.":
        "Il faut aussi, parmi les paquets de votre distribution : {libraries}.",
    "Keyring": "Trousseau",
    "{label}: not usable.": "{label} : inutilisable.",
    "Keyring said: {cause}": "Le trousseau a répondu : {cause}",
    "{label}: usable, secrets are encrypted by the system.":
        "{label} : utilisable, les secrets sont chiffrés par le système.",
    "Browser": "Navigateur",
    "No Chrome, Edge or Chromium found.": "Aucun Chrome, Edge ou Chromium trouvé.",
    "Install Google Chrome, Microsoft Edge or Chromium (Debian: sudo apt install "
    "chromium; Ubuntu: sudo snap install chromium), choose one in the settings, or "
    "run: consentinel browser install":
        "Installez Google Chrome, Microsoft Edge ou Chromium (Debian : sudo apt install "
        "chromium ; Ubuntu : sudo snap install chromium), choisissez-en un dans les "
        "paramètres, ou lancez : consentinel browser install",
    "{name} at {path} did not say its version.": "{name} ({path}) n'a pas donné sa version.",
    "Check that this browser starts, or choose another one in the settings.":
        "Vérifiez que ce navigateur démarre, ou choisissez-en un autre dans les paramètres.",
    "{version} ({path}, found via {source})": "{version} ({path}, trouvé via {source})",
    "{browser}: Firefox cannot be used, Consentinel needs Chromium, Google Chrome or "
    "Microsoft Edge.":
        "{browser} : Firefox ne peut pas être utilisé, Consentinel a besoin de Chromium, "
        "Google Chrome ou Microsoft Edge.",
    "{browser}: not Chromium, Google Chrome or Microsoft Edge, the only browsers "
    "Consentinel can use.":
        "{browser} : ni Chromium, ni Google Chrome, ni Microsoft Edge, les seuls navigateurs "
        "que Consentinel peut utiliser.",
    "Point the CONSENTINEL_BROWSER variable at Chromium, Google Chrome or Microsoft "
    "Edge, or remove it.":
        "Faites pointer la variable CONSENTINEL_BROWSER vers Chromium, Google Chrome ou "
        "Microsoft Edge, ou retirez-la.",
    "Choose Chromium, Google Chrome or Microsoft Edge in the settings, or install one "
    "(Debian: sudo apt install chromium; Ubuntu: sudo snap install chromium).":
        "Choisissez Chromium, Google Chrome ou Microsoft Edge dans les paramètres, ou "
        "installez-en un (Debian : sudo apt install chromium ; Ubuntu : sudo snap install "
        "chromium).",
    "the CONSENTINEL_BROWSER variable": "la variable CONSENTINEL_BROWSER",
    "the settings": "les paramètres",
    "Playwright's download folder": "le dossier de téléchargement de Playwright",
    "the usual install locations": "les emplacements d'installation habituels",
    "Data folder": "Dossier de données",
    "{folder}: not created yet; it is created owner-only on first use.":
        "{folder} : pas encore créé ; il sera créé à la première utilisation, "
        "accessible à vous seul.",
    "Move that file away, then start Consentinel again.":
        "Déplacez ce fichier ailleurs, puis relancez Consentinel.",
    "Move that file away, or set CONSENTINEL_HOME to a folder.":
        "Déplacez ce fichier ailleurs, ou faites pointer CONSENTINEL_HOME vers un dossier.",
    "Other users may read these folders: {modes}.":
        "D'autres utilisateurs peuvent lire ces dossiers : {modes}.",
    "Make them owner-only: chmod 700 {paths} (Consentinel also does this when it starts).":
        "Réservez-les à vous seul : chmod 700 {paths} (Consentinel le fait aussi à son "
        "démarrage).",
    "{path} is not writable.": "{path} n'est pas accessible en écriture.",
    "The disk of {path} is full: nothing can be saved there, so no check can run.":
        "Le disque de {path} est plein : rien ne peut y être enregistré, donc aucune "
        "vérification ne peut avoir lieu.",
    "Free some space on that disk.": "Libérez de la place sur ce disque.",
    "{path} is on a disk that is read-only.": "{path} est sur un disque en lecture seule.",
    "Make that disk writable again (the system may have made it read-only after an error: "
    "restart, or check the disk).":
        "Rendez ce disque de nouveau modifiable (le système a pu le passer en lecture seule "
        "après une erreur : redémarrez, ou vérifiez le disque).",
    "Give your user write access to it.": "Donnez à votre utilisateur le droit d'y écrire.",
    "{folder} (owner-only, 700)": "{folder} (à vous seul, 700)",
    "Schedule": "Planification",
    "The settings ask for checks while Consentinel is closed, but no job is installed. "
    "Run: consentinel schedule install":
        "Les paramètres demandent des vérifications quand Consentinel est fermé, mais aucune "
        "tâche n'est installée. Lancez : consentinel schedule install",
    "Automatic checks are off: nothing checks the boxes again unless you do. To check on a "
    "schedule, choose how often in the settings, or run: "
    "consentinel schedule install --every daily":
        "Les vérifications automatiques sont désactivées : rien ne vérifie plus les cases, "
        "sauf vous. Pour vérifier régulièrement, choisissez une fréquence dans les paramètres, "
        "ou lancez : consentinel schedule install --every daily",
    "Consentinel checks only while it is open. To check while it is closed too, tick “Keep "
    "checking when Consentinel is closed” in the settings, or run: consentinel schedule install":
        "Consentinel ne vérifie que lorsqu'il est ouvert. Pour vérifier aussi quand il est "
        "fermé, cochez « Continuer à vérifier quand Consentinel est fermé » dans les "
        "paramètres, ou lancez : consentinel schedule install",
    "{origin} cannot be reached from here ({reason}).":
        "{origin} est injoignable d'ici ({reason}).",
    "Checks need X: check the internet connection, proxy or firewall.":
        "Les vérifications ont besoin de X : vérifiez la connexion internet, le proxy ou "
        "le pare-feu.",
    "{url} answered HTTP {code}.": "{url} a répondu HTTP {code}.",
    "X is having trouble; checks will retry later.":
        "X a des difficultés ; les vérifications réessaieront plus tard.",
    "{url} answered HTTP {code}, not X's web app.":
        "{url} a répondu HTTP {code}, mais ce n'est pas l'application web de X.",
    "Something between you and X (a proxy, a captive portal) changes its pages, "
    "or the X address in the settings is wrong.":
        "Quelque chose entre vous et X (un proxy, un portail captif) modifie ses pages, "
        "ou l'adresse de X dans les paramètres est erronée.",
    "{url} answers. The boxes themselves are read and verified at each check, which "
    "stops rather than guess if X's page changed.":
        "{url} répond. Les cases elles-mêmes sont lues et vérifiées à chaque vérification, "
        "qui s'arrête au lieu de deviner si la page de X a changé.",
    # The applications menu entry (core/desktop_entry.py, cli/desktop_entry_cmd.py)
    "add Consentinel to the Linux applications menu, or take it out":
        "ajouter Consentinel au menu des applications Linux, ou l'en retirer",
    "Menu entries are for Linux desktops; installers handle this on Windows and macOS.":
        "Les entrées de menu concernent les bureaux Linux ; sous Windows et macOS, "
        "l'installateur s'en charge.",
    "Consentinel is now in your applications menu ({path}).":
        "Consentinel est maintenant dans votre menu des applications ({path}).",
    "Removed Consentinel from your applications menu.":
        "Consentinel a été retiré de votre menu des applications.",
    "There was no Consentinel menu entry to remove.":
        "Il n'y avait pas d'entrée de menu Consentinel à retirer.",
    "This installation lacks its desktop files ({missing}); reinstall Consentinel.":
        "Il manque à cette installation ses fichiers de bureau ({missing}) ; "
        "réinstallez Consentinel.",
    "The applications menu entry now starts this copy of Consentinel ({program}).":
        "L'entrée du menu des applications lance maintenant cette copie de Consentinel "
        "({program}).",
    "Could not write the menu entry: {error}": "Impossible d'écrire l'entrée de menu : {error}",
    # -- consentinel login
    "A browser window opens on X's sign-in page for @{handle}. Consentinel types what it has "
    "saved; finish the rest there (a captcha, a code). The session is saved once X shows its "
    "home page. Ctrl+C cancels.":
        "Une fenêtre de navigateur s'ouvre sur la page de connexion de X pour @{handle}. "
        "Consentinel saisit ce qu'il a enregistré ; terminez le reste dans la fenêtre (un "
        "captcha, un code). La session est enregistrée dès que X affiche sa page d'accueil. "
        "Ctrl+C annule.",
    "The browser's sandbox could not start here ({said}): this check runs without it. "
    "`consentinel doctor` says what to do.":
        "Le bac à sable du navigateur n'a pas pu démarrer ici ({said}) : cette vérification se "
        "fait sans lui. `consentinel doctor` dit quoi faire.",
    "The browser's sandbox could not start here ({said}): this sign-in runs without it. "
    "`consentinel doctor` says what to do.":
        "Le bac à sable du navigateur n'a pas pu démarrer ici ({said}) : cette connexion se "
        "fait sans lui. `consentinel doctor` dit quoi faire.",
    "No screen here: the check runs without a window.":
        "Pas d'écran ici : la vérification se fait sans fenêtre.",
    # -- consentinel log --start-over
    "when the journal no longer verifies: keep it as it is, next to a new one that starts with "
    "an entry naming it":
        "quand le journal ne se vérifie plus : le garder tel quel, à côté d'un nouveau qui "
        "commence par une entrée le nommant",
    "The journal is intact: there is nothing to start over.":
        "Le journal est intact : il n'y a rien à recommencer.",
    "A check is running: start over once it has ended, so that it loses nothing.":
        "Une vérification est en cours : recommencez le journal une fois qu'elle est terminée, "
        "pour qu'elle ne perde rien.",
    "Nothing was changed: {problem}": "Rien n'a été modifié : {problem}",
    "The journal that no longer verified is kept as it is, as {name} next to the new one (its "
    "screenshots stay in the evidence folder). The new journal starts with an entry that names "
    "it.":
        "Le journal qui ne se vérifiait plus est gardé tel quel, sous le nom {name}, à côté du "
        "nouveau (ses captures d'écran restent dans le dossier des preuves). Le nouveau journal "
        "commence par une entrée qui le nomme.",
    "the journal before it no longer verified; kept as {name}, by your choice, and a new one "
    "started":
        "le journal précédent ne se vérifiait plus ; gardé sous le nom {name}, à votre demande, et "
        "un nouveau commencé",
    "the journal before it no longer verified: {problem}; kept as {name}, by your choice, and "
    "a new one started":
        "le journal précédent ne se vérifiait plus : {problem} ; gardé sous le nom {name}, à "
        "votre demande, et un nouveau commencé",
    "do not ask first (needed without a terminal)": "ne pas demander (nécessaire sans terminal)",
    "Removing @{handle} deletes its password, its 2FA secret and its session from this computer.":
        "Retirer @{handle} supprime de cet ordinateur son mot de passe, son secret 2FA et sa"
        " session.",
    "No terminal to ask on: add --yes to remove it.":
        "Aucun terminal pour le demander : ajoutez --yes pour le retirer.",
    "Remove it? [y/N] ": "Le retirer ? [o/N] ",
    "Nothing was removed.": "Rien n'a été retiré.",
    # -- `consentinel log --check-export FILE`
    "FOLDER": "DOSSIER",
    "check that FILE, a JSON export of the journal or an evidence bundle (.zip), is as it was "
    "written: every entry re-hashed and chained again, whatever the file says of itself (a "
    "bundle's screenshots too)":
        "vérifier que FICHIER, un export JSON du journal ou une archive de preuves (.zip), est "
        "tel qu'il a été écrit : chaque entrée hachée et chaînée à nouveau, quoi que le fichier "
        "dise de lui-même (et les captures d'écran d'une archive de preuves)",
    "write FILE, a ZIP readable by you alone: the JSON export, every screenshot its entries "
    "name and a README saying how to check them (with --account: that account's alone)":
        "écrire FICHIER, un ZIP que vous seul pouvez lire : l'export JSON, chaque capture "
        "d'écran que nomment ses entrées et un README qui dit comment les vérifier (avec "
        "--account : celles de ce compte seul)",
    "{entries} and {shots} written to {path} (readable by you alone).":
        "{entries} et {shots} écrites dans {path} (lisible par vous seul).",
    "{path} exists already: choose another name, or remove it first.":
        "{path} existe déjà : choisissez un autre nom, ou supprimez-le d'abord.",
    "Not every screenshot is in it as it was taken (its README says so too):":
        "Les captures d'écran n'y sont pas toutes telles qu'elles ont été prises (son README "
        "le dit aussi) :",
    "The journal does not verify: {problem} The bundle says so, with every problem found.":
        "Le journal ne se vérifie pas : {problem} L'archive de preuves le dit, avec chaque "
        "problème trouvé.",
    "{path} is an evidence bundle: the screenshots it holds are checked, --evidence does not "
    "go with it.":
        "{path} est une archive de preuves : les captures d'écran qu'elle contient sont vérifiées, "
        "--evidence ne va pas avec.",
    "with --check-export: also check the screenshots it names, in FOLDER (without FOLDER: "
    "this computer's evidence folder)":
        "avec --check-export : vérifier aussi les captures d'écran qu'il nomme, dans DOSSIER "
        "(sans DOSSIER : le dossier des captures de cet ordinateur)",
    "with --check-export: also check that each of its entries is the same in this computer's "
    "journal":
        "avec --check-export : vérifier aussi que chacune de ses entrées est la même dans le "
        "journal de cet ordinateur",
    "--check-export checks the whole file: --account does not go with it.":
        "--check-export vérifie tout le fichier : --account ne va pas avec.",
    "{option} goes with --check-export FILE.": "{option} va avec --check-export FICHIER.",
    "{path} does not exist.": "{path} n'existe pas.",
    "Could not read {path}: {cause}.": "Impossible de lire {path} : {cause}.",
    "{folder} is not a folder: no screenshot can be checked there.":
        "{folder} n'est pas un dossier : aucune capture d'écran ne peut y être vérifiée.",
    "This computer has no journal: there is nothing to compare the export with.":
        "Cet ordinateur n'a pas de journal : il n'y a rien à quoi comparer l'export.",
    "{status} (no sign-in tried: not tried again after {why})":
        "{status} (aucune connexion tentée : pas de nouvel essai après « {why} »)",
    "{status} (no sign-in tried: not tried again after {why} at {when})":
        "{status} (aucune connexion tentée : pas de nouvel essai après « {why} » le {when})",
    # -- a command stopped by an unexpected error (cli/crash.py)
    "Consentinel stopped on an unexpected error ({error}); what it was doing may not have "
    "finished. The details are in its log: {log}. If it happens again, please report it with "
    "that file.":
        "Consentinel s'est arrêté sur une erreur inattendue ({error}) ; ce qu'il faisait n'a "
        "peut-être pas abouti. Les détails sont dans le fichier journal technique : {log}. Si "
        "cela se reproduit, signalez-le avec ce fichier.",
    "Consentinel stopped on an unexpected error ({error}); what it was doing may not have "
    "finished. Its log file could not be written, so the details are above.":
        "Consentinel s'est arrêté sur une erreur inattendue ({error}) ; ce qu'il faisait n'a "
        "peut-être pas abouti. Son fichier journal technique n'a pas pu être écrit : les "
        "détails sont ci-dessus.",
    # -- `consentinel account erase-history`, `account remove --erase-history`
    "erase a removed account's history from the journal, and its screenshots":
        "effacer du journal l'historique d'un compte retiré, et ses captures d'écran",
    "For an account already removed (someone who left, or who asked for their data to be "
    "erased): its journal entries are emptied and its screenshots deleted, for good. The "
    "journal still verifies, and says that an account's history was erased and how much, "
    "without naming it. Exports and bundles written before still hold it.":
        "Pour un compte déjà retiré (quelqu'un qui est parti, ou qui a demandé l'effacement de "
        "ses données) : ses entrées du journal sont vidées et ses captures d'écran supprimées, "
        "définitivement. Le journal se vérifie toujours, et dit que l'historique d'un compte a "
        "été effacé et combien, sans le nommer. Les exports et paquets de preuves écrits avant "
        "le contiennent encore.",
    "a removed account":
        "un compte retiré",
    "The journal holds no history of @{handle}: nothing to erase.":
        "Le journal ne contient aucun historique de @{handle} : rien à effacer.",
    "Its history is erased from the journal for good: {entries}, {screenshots}. The journal "
    "says that an account's history was erased, without naming it.":
        "Son historique est effacé du journal définitivement : {entries}, {screenshots}. "
        "Le journal dit que l'historique d'un compte a été effacé, sans le nommer.",
    "The history of @{handle} is erased from the journal for good: {entries}, {screenshots}. "
    "The journal says that an account's history was erased, without naming it.":
        "L'historique de @{handle} est effacé du journal définitivement : {entries}, "
        "{screenshots}. Le journal dit que l'historique d'un compte a été effacé, sans le "
        "nommer.",
    "No terminal to ask on: add --yes to erase it.":
        "Aucun terminal pour le demander : ajoutez --yes pour l'effacer.",
    "Erase it? [y/N] ":
        "L'effacer ? [o/N] ",
    "Nothing was erased.":
        "Rien n'a été effacé.",
    "Erased the history of @{handle} from the journal: {entries}, {screenshots}.":
        "Historique de @{handle} effacé du journal : {entries}, {screenshots}.",
    "The screenshot {name} could not be deleted: delete it yourself from the evidence folder.":
        "La capture d'écran {name} n'a pas pu être supprimée : supprimez-la vous-même du "
        "dossier des preuves.",
    "Its lines in Consentinel's log files were removed too. Exports, bundles, backups and "
    "copies of the data folder made before still hold it: delete those too.":
        "Ses lignes dans les fichiers de log de Consentinel ont été retirées aussi. Les "
        "exports, paquets de preuves, sauvegardes et copies du dossier de données faits avant "
        "le contiennent encore : supprimez-les aussi.",
    "Its lines could not be taken out of these log files: {names}, in {folder}. Delete those "
    "files yourself.":
        "Ses lignes n'ont pas pu être retirées de ces fichiers de log : {names}, dans "
        "{folder}. Supprimez vous-même ces fichiers.",
    "Exports, bundles, backups and copies of the data folder made before still hold it: "
    "delete those too.":
        "Les exports, paquets de preuves, sauvegardes et copies du dossier de données faits "
        "avant le contiennent encore : supprimez-les aussi.",
    "Another Consentinel window or check was reading the journal: the erased history stays "
    "in the journal's write-ahead file until that read ends; Consentinel empties it then.":
        "Une autre fenêtre ou vérification de Consentinel lisait le journal : l'historique "
        "effacé reste dans le fichier de journalisation anticipée (WAL) du journal jusqu'à la "
        "fin de cette lecture ; Consentinel le vide alors.",
    "Its history stays in the journal, with its screenshots: add --erase-history to erase it "
    "too.":
        "Son historique reste dans le journal, avec ses captures d'écran : ajoutez "
        "--erase-history pour l'effacer aussi.",
    "also erase its history from the journal, and its screenshots":
        "effacer aussi son historique du journal, et ses captures d'écran",
    "Its history stays in the journal, with its screenshots. To erase it: consentinel account "
    "erase-history {handle}":
        "Son historique reste dans le journal, avec ses captures d'écran. Pour l'effacer : "
        "consentinel account erase-history {handle}",
    "history erased":
        "historique effacé",
    "erased entry":
        "entrée effacée",
    # -- `consentinel delete-all-data` (cli/delete_data_cmd.py)
    "delete your accounts and what Consentinel keeps of them on this computer: their "
    "secrets in the keyring, sessions, journal, exports, log, scheduled checks (the other "
    "settings are kept)":
        "supprimer vos comptes et ce que Consentinel en garde sur cet ordinateur : leurs "
        "secrets dans le trousseau, sessions, journal, exports, fichier de diagnostic, "
        "vérifications planifiées (les autres paramètres sont conservés)",
    "What the app's Settings → Delete all my data… does, for the data folder in use "
    "(CONSENTINEL_HOME when it is set: run it once per folder). It asks first at a terminal. "
    "Your other settings are kept. Nothing changes on X.":
        "Ce que fait « Paramètres → Supprimer toutes mes données… » dans l'application, pour le "
        "dossier de données utilisé (CONSENTINEL_HOME quand il est défini : lancez-la une fois "
        "par dossier). Elle demande confirmation au terminal. Vos autres paramètres sont "
        "conservés. Rien ne change sur X.",
    "A check is running: wait for it to end (or cancel it), then try again.":
        "Une vérification est en cours : attendez qu'elle se termine (ou annulez-la), puis "
        "réessayez.",
    "Nothing was deleted: {problem}": "Rien n'a été supprimé : {problem}",
    "Some files could not be deleted: {problem}":
        "Certains fichiers n'ont pas pu être supprimés : {problem}",
    "Still there (delete it yourself): {path}":
        "Toujours présent (supprimez-le vous-même) : {path}",
    "All your Consentinel data in {folder} was deleted.":
        "Toutes vos données Consentinel de {folder} ont été supprimées.",
    "There is no Consentinel data in {folder}. Its keys in the keyring and its scheduled "
    "checks, if it had any, were removed.":
        "Il n'y a pas de données Consentinel dans {folder}. Ses clés dans le trousseau et ses "
        "vérifications planifiées, s'il en avait, ont été retirées.",
    "This deletes, from the data folder {folder} and this computer:":
        "Ceci supprime, du dossier de données {folder} et de cet ordinateur :",
    "• the journal ({entries}) and its screenshots;":
        "• le journal ({entries}) et ses captures d'écran ;",
    "{n} entry": "{n} entrée",
    "{n} entries": "{n} entrées",
    "• the saved browser sessions;": "• les sessions de navigateur enregistrées ;",
    "• the passwords and 2FA secrets of {handles}, in {keyring};":
        "• les mots de passe et secrets 2FA de {handles}, dans {keyring} ;",
    "• no password or 2FA secret: there is no account;":
        "• aucun mot de passe ni secret 2FA : il n'y a pas de compte ;",
    "• the export saved in {folder} (copy it elsewhere first to keep it);":
        "• l'export enregistré dans {folder} (copiez-le ailleurs avant pour le garder) ;",
    "• the {count} exports saved in {folder} (copy them elsewhere first to keep them);":
        "• les {count} exports enregistrés dans {folder} (copiez-les ailleurs avant pour les "
        "garder) ;",
    "• the list of accounts and the log;":
        "• la liste des comptes et le fichier de diagnostic (log) ;",
    "• the scheduled checks while Consentinel is closed, and its start at login.":
        "• les vérifications planifiées quand Consentinel est fermé, et son démarrage à "
        "l'ouverture de session.",
    "Your other settings are kept. Nothing changes on X. This cannot be undone.":
        "Vos autres paramètres sont conservés. Rien ne change sur X. C'est irréversible.",
    "No terminal to ask on: add --yes to delete it all.":
        "Aucun terminal pour le demander : ajoutez --yes pour tout supprimer.",
    "Delete everything? [y/N] ": "Tout supprimer ? [o/N] ",
    "Nothing was deleted.": "Rien n'a été supprimé.",
    # -- the OS job's check on a data folder that is gone (cli/check_cmd.py)
    "The data folder {folder} is gone (deleted, or on a disk not connected now): this "
    "scheduled check does nothing, and makes no new folder. If you deleted it, remove the "
    "scheduled check: {command}":
        "Le dossier de données {folder} n'existe plus (supprimé, ou sur un disque qui n'est pas "
        "branché) : cette vérification planifiée ne fait rien, et ne crée pas de nouveau "
        "dossier. Si vous l'avez supprimé, retirez la vérification planifiée : {command}",
    # -- a journal begun again after its folder or file went during a check (cli/log_words.py)
    "the data folder was deleted while Consentinel was using it: the journal before it went "
    "with it, and this one begins at its place":
        "le dossier de données a été supprimé pendant que Consentinel s'en servait : le "
        "journal d'avant est parti avec lui, et celui-ci commence à sa place",
    "the journal before it was deleted while Consentinel was using it, and this one begins at "
    "its place":
        "le journal d'avant a été supprimé pendant que Consentinel s'en servait, et celui-ci "
        "commence à sa place",
    "the check under way then is written again here, without the {count} screenshots it had "
    "taken, which went with the folder":
        "la vérification alors en cours y est écrite à nouveau, sans les {count} captures "
        "d'écran qu'elle avait prises, parties avec le dossier",
    "the check under way then is written again here":
        "la vérification alors en cours y est écrite à nouveau",
    # -- the journal gone during a check (cli/journal_warning.py)
    "The data folder {folder} was deleted during this check, with the journal it was writing "
    "to.":
        "Le dossier de données {folder} a été supprimé pendant cette vérification, avec le "
        "journal où elle écrivait.",
    "The journal {path} was deleted during this check.":
        "Le journal {path} a été supprimé pendant cette vérification.",
    "Another journal took the place of {path} during this check.":
        "Un autre journal a pris la place de {path} pendant cette vérification.",
    "No journal could be begun there ({error}): this check's entries are lost.":
        "Aucun journal n'a pu y être commencé ({error}) : les entrées de cette vérification "
        "sont perdues.",
    "Consentinel goes on with the journal at its place, but this check's entries could not be "
    "written in it again: what it found is said above.":
        "Consentinel continue avec le journal à sa place, mais les entrées de cette "
        "vérification n'ont pas pu y être écrites à nouveau : ce qu'elle a trouvé est dit "
        "ci-dessus.",
    "Consentinel goes on with the journal at its place, and this check's entries are written "
    "in it again, without the {count} screenshots it had taken before, which went with the "
    "folder.":
        "Consentinel continue avec le journal à sa place, et les entrées de cette vérification "
        "y sont écrites à nouveau, sans les {count} captures d'écran qu'elle avait prises "
        "avant, parties avec le dossier.",
    "Consentinel goes on with the journal at its place, and this check's entries are written "
    "in it again.":
        "Consentinel continue avec le journal à sa place, et les entrées de cette vérification "
        "y sont écrites à nouveau.",
    "This check's entries were written again in it. `consentinel log --verify` says what is "
    "wrong.":
        "Les entrées de cette vérification y ont été écrites à nouveau. `consentinel log "
        "--verify` dit ce qui ne va pas.",
}
