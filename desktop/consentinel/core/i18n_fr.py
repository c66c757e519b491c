"""French for the core's and the command line's messages (keys are the English ids)."""

from __future__ import annotations

FRENCH: dict[str, str] = {
    # -- run lock, OS jobs, notifications, `consentinel schedule`
    "A check is already running.": "Une vérification est déjà en cours.",
    "A check is already running (pid {pid} since {since}).":
        "Une vérification est déjà en cours (pid {pid} depuis {since}).",
    "A check is already running (pid {pid} on {host} since {since}).":
        "Une vérification est déjà en cours (pid {pid} sur {host} depuis {since}).",
    "X keeps {box} on for @{handle} without showing it on its page: it cannot be switched off "
    "for now. Consentinel will switch it off as soon as X shows it.":
        "X garde la case {box} cochée pour @{handle} sans l'afficher sur sa page : elle ne peut "
        "pas être décochée pour l'instant. Consentinel la décochera dès que X l'affichera.",
    "X keeps {boxes} on for @{handle} without showing them on its page: they cannot be "
    "switched off for now. Consentinel will switch them off as soon as X shows them.":
        "X garde les cases {boxes} cochées pour @{handle} sans les afficher sur sa page : elles "
        "ne peuvent pas être décochées pour l'instant. Consentinel les décochera dès que X les "
        "affichera.",
    "X keeps boxes on without showing them on its page: {accounts}. They cannot be switched "
    "off for now; Consentinel will switch them off as soon as X shows them.":
        "X garde des cases cochées sans les afficher sur sa page : {accounts}. Elles ne peuvent "
        "pas être décochées pour l'instant ; Consentinel les décochera dès que X les affichera.",
    "X switched {box} back on for {count} accounts: {accounts}. Switched off again on each.":
        "X a réactivé la case {box} pour {count} comptes : {accounts}. De nouveau décochée sur "
        "chacun.",
    "X switched {boxes} back on for {count} accounts: {accounts}. Each switched off again.":
        "X a réactivé les cases {boxes} pour {count} comptes : {accounts}. De nouveau décochées "
        "sur chacun.",
    "X switched boxes back on for {count} accounts: {accounts}. Each switched off again.":
        "X a réactivé des cases pour {count} comptes : {accounts}. De nouveau décochées sur "
        "chacun.",
    "Screenshots could not be kept for {accounts} — open Consentinel.":
        "Des captures d'écran n'ont pas pu être conservées pour {accounts} — ouvrez Consentinel.",
    "{count} accounts need you: {accounts}. Open Consentinel to see what each needs.":
        "{count} comptes ont besoin de vous : {accounts}. Ouvrez Consentinel pour voir ce qu'il "
        "faut à chacun.",
    "Boxes you want off are still on for {count} accounts: {accounts} — open Consentinel to "
    "see which, and why.":
        "Des cases que vous voulez décochées sont toujours cochées pour {count} comptes : "
        "{accounts} — ouvrez Consentinel pour voir lesquelles, et pourquoi.",
    "X keeps {box} on for {count} accounts without showing it on its page: {accounts}. It "
    "cannot be switched off for now; Consentinel will switch it off as soon as X shows it.":
        "X garde la case {box} cochée pour {count} comptes sans l'afficher sur sa page : "
        "{accounts}. Elle ne peut pas être décochée pour l'instant ; Consentinel la décochera "
        "dès que X l'affichera.",
    "X keeps {boxes} on for {count} accounts without showing them on its page: {accounts}. "
    "They cannot be switched off for now; Consentinel will switch them off as soon as X shows "
    "them.":
        "X garde les cases {boxes} cochées pour {count} comptes sans les afficher sur sa page : "
        "{accounts}. Elles ne peuvent pas être décochées pour l'instant ; Consentinel les "
        "décochera dès que X les affichera.",
    "X keeps boxes on for {count} accounts without showing them on its page: {accounts}. They "
    "cannot be switched off for now; Consentinel will switch them off as soon as X shows them.":
        "X garde des cases cochées pour {count} comptes sans les afficher sur sa page : "
        "{accounts}. Elles ne peuvent pas être décochées pour l'instant ; Consentinel les "
        "décochera dès que X les affichera.",
    "X switched back on for @{handle}: {boxes}. Switched off again.":
        "X a réactivé pour @{handle} : {boxes}. Case de nouveau décochée.",
    "X switched back on for @{handle}: {boxes}. Each switched off again.":
        "X a réactivé pour @{handle} : {boxes}. Cases de nouveau décochées.",
    "@{handle}: the screenshot of its check could not be kept, so the check stopped there — "
    "open Consentinel to see why":
        "@{handle} : la capture d'écran de sa vérification n'a pas pu être conservée, la "
        "vérification s'est donc arrêtée là — ouvrez Consentinel pour savoir pourquoi",
    "X switched back on for @{handle}: {boxes}. Switched off again, but its screenshot could "
    "not be kept — open Consentinel.":
        "X a réactivé pour @{handle} : {boxes}. Case de nouveau décochée, mais sa capture "
        "d'écran n'a pas pu être conservée — ouvrez Consentinel.",
    "X switched back on for @{handle}: {boxes}. Each switched off again, but their "
    "screenshots could not be kept — open Consentinel.":
        "X a réactivé pour @{handle} : {boxes}. Cases de nouveau décochées, mais leurs "
        "captures d'écran n'ont pas pu être conservées — ouvrez Consentinel.",
    "Consentinel has not been able to check @{handle} on X since {when}: X could not be "
    "reached, did not answer in time, or asked to slow down, and a box X switches back on "
    "meanwhile stays on. Check this computer's connection and that x.com opens, then run "
    "`consentinel check` (or open Consentinel) to try now.":
        "Consentinel n'a pas pu vérifier @{handle} chez X depuis le {when} : X n'a pas pu être "
        "joint, n'a pas répondu à temps ou a demandé de ralentir, et une case que X réactive "
        "entre-temps reste cochée. Vérifiez la connexion de cet ordinateur et que x.com "
        "s'ouvre, puis lancez `consentinel check` (ou ouvrez Consentinel) pour réessayer "
        "maintenant.",
    "Consentinel has not been able to check {accounts} on X for days: X could not be "
    "reached, did not answer in time, or asked to slow down, and a box X switches back on "
    "meanwhile stays on. Check this computer's connection and that x.com opens, then run "
    "`consentinel check` (or open Consentinel) to try now.":
        "Consentinel n'a pas pu vérifier {accounts} chez X depuis plusieurs jours : X n'a pas "
        "pu être joint, n'a pas répondu à temps ou a demandé de ralentir, et une case que X "
        "réactive entre-temps reste cochée. Vérifiez la connexion de cet ordinateur et que "
        "x.com s'ouvre, puis lancez `consentinel check` (ou ouvrez Consentinel) pour "
        "réessayer maintenant.",
    "@{handle} (since {when})": "@{handle} (depuis le {when})",
    "Missed while notifications could not be shown: X had switched a box back on for "
    "{accounts}. Consentinel unticked it again.":
        "Non signalé faute de pouvoir afficher les notifications : X avait réactivé une case "
        "pour {accounts}. Consentinel l'a de nouveau décochée.",
    "Missed while notifications could not be shown: X had switched boxes back on for "
    "{accounts}. Consentinel unticked them again.":
        "Non signalé faute de pouvoir afficher les notifications : X avait réactivé des cases "
        "pour {accounts}. Consentinel les a de nouveau décochées.",
    "{earlier}; {later}": "{earlier} ; {later}",
    "{list} and {last}": "{list} et {last}",
    "{list} and {count} others": "{list} et {count} autres",
    "X switched back on for @{handle}: {boxes}. Consentinel could not switch it off again — "
    "open Consentinel.":
        "X a réactivé pour @{handle} : {boxes}. Consentinel n'a pas pu le désactiver à nouveau "
        "— ouvrez Consentinel.",
    "@{handle}: X did not save the change, so a box you want off is still on — Consentinel "
    "tries again at the next check":
        "@{handle} : X n'a pas enregistré le changement, une case que vous voulez décochée est "
        "donc toujours cochée — Consentinel réessaie à la prochaine vérification",
    "@{handle}: X shows a box you want off as on, and does not let it be changed — open "
    "Consentinel to see which":
        "@{handle} : X affiche cochée une case que vous voulez décochée, et ne permet pas de la "
        "changer — ouvrez Consentinel pour voir laquelle",
    "@{handle}: X shows boxes you want off as on, and does not let them be changed — open "
    "Consentinel to see which":
        "@{handle} : X affiche cochées des cases que vous voulez décochées, et ne permet pas de "
        "les changer — ouvrez Consentinel pour voir lesquelles",
    "@{handle} needs you — open Consentinel to see why":
        "@{handle} a besoin de vous — ouvrez Consentinel pour savoir pourquoi",
    "@{handle}: X ended the saved session and Consentinel could not sign in again by itself "
    "— open Consentinel to sign in":
        "@{handle} : X a mis fin à la session enregistrée et Consentinel n'a pas pu se "
        "reconnecter seul — ouvrez Consentinel pour vous connecter",
    "@{handle}: X does not know this account — check how it is spelt on X; if it is wrong, "
    "remove the account in Consentinel and add it again":
        "@{handle} : X ne connaît pas ce compte — vérifiez son orthographe sur X ; si elle est "
        "fausse, supprimez le compte dans Consentinel et ajoutez-le de nouveau",
    "@{handle}: X refused the sign-in for now — Consentinel waits before trying again; open "
    "Consentinel to sign in yourself":
        "@{handle} : X a refusé la connexion pour l'instant — Consentinel attend avant de "
        "réessayer ; ouvrez Consentinel pour vous connecter vous-même",
    "@{handle}: X asks for a two-factor code — open Consentinel to sign in, or save the "
    "account's 2FA secret":
        "@{handle} : X demande un code de double authentification — ouvrez Consentinel pour "
        "vous connecter, ou enregistrez le secret 2FA du compte",
    "@{handle}: X sent a code by email or text message — open Consentinel to sign in":
        "@{handle} : X a envoyé un code par e-mail ou par SMS — ouvrez Consentinel pour vous "
        "connecter",
    "@{handle}: X asks for a captcha only a person can solve — open Consentinel to sign in "
    "yourself":
        "@{handle} : X affiche un captcha que seule une personne peut résoudre — ouvrez "
        "Consentinel pour vous connecter vous-même",
    "@{handle}: X asks to confirm it is you — open Consentinel to sign in":
        "@{handle} : X demande de confirmer que c'est bien vous — ouvrez Consentinel pour vous "
        "connecter",
    "@{handle}: no session or password saved — open Consentinel to sign in":
        "@{handle} : ni session ni mot de passe enregistrés — ouvrez Consentinel pour vous "
        "connecter",
    "@{handle}: X has locked the account — unlock it on X, then open Consentinel":
        "@{handle} : X a verrouillé le compte — déverrouillez-le sur X, puis ouvrez Consentinel",
    "@{handle}: X refused the password — save the right one in Consentinel":
        "@{handle} : X a refusé le mot de passe — enregistrez le bon dans Consentinel",
    "Consentinel could not check your X accounts: the keyring that keeps their passwords is "
    "locked or unavailable. Open Consentinel to see what to do.":
        "Consentinel n'a pas pu vérifier vos comptes X : le trousseau qui garde leurs mots de "
        "passe est verrouillé ou indisponible. Ouvrez Consentinel pour savoir quoi faire.",
    # -- what a scheduled run says before any account is checked (core/notify.py)
    "The scheduled check failed: an unexpected error ({error}) stopped it, so your X "
    "accounts may not all have been checked — open Consentinel to check them.":
        "La vérification planifiée a échoué : une erreur inattendue ({error}) l'a arrêtée, vos "
        "comptes X n'ont donc peut-être pas tous été vérifiés — ouvrez Consentinel pour les "
        "vérifier.",
    "The scheduled check failed: an unexpected error ({error}) stopped it, so your X "
    "accounts may not all have been checked — open Consentinel to check them. If it happens "
    "again, please report it with the log file {log}.":
        "La vérification planifiée a échoué : une erreur inattendue ({error}) l'a arrêtée, vos "
        "comptes X n'ont donc peut-être pas tous été vérifiés — ouvrez Consentinel pour les "
        "vérifier. Si cela se reproduit, signalez-le avec le fichier journal technique {log}.",
    "{handles} is missing from Consentinel's list of accounts, so it is no longer checked. "
    "Open Consentinel and choose “Add back”, or run: consentinel account restore":
        "{handles} manque à la liste des comptes de Consentinel : il n'est donc plus vérifié. "
        "Ouvrez Consentinel et choisissez « Rajouter », ou lancez : consentinel account restore",
    "{handles} are missing from Consentinel's list of accounts, so they are no longer "
    "checked. Open Consentinel and choose “Add back”, or run: consentinel account restore":
        "{handles} manquent à la liste des comptes de Consentinel : ils ne sont donc plus "
        "vérifiés. Ouvrez Consentinel et choisissez « Rajouter », ou lancez : consentinel "
        "account restore",
    "{handles} is missing from Consentinel's list of accounts, so it is no longer checked. "
    "To add it back, run: consentinel account restore":
        "{handles} manque à la liste des comptes de Consentinel : il n'est donc plus vérifié. "
        "Pour le rajouter, lancez : consentinel account restore",
    "{handles} are missing from Consentinel's list of accounts, so they are no longer "
    "checked. To add them back, run: consentinel account restore":
        "{handles} manquent à la liste des comptes de Consentinel : ils ne sont donc plus "
        "vérifiés. Pour les rajouter, lancez : consentinel account restore",
    "Consentinel's settings file could not be used; it was set aside as {name} and the "
    "defaults are used. Automatic checks run again, even if you had paused them: open "
    "Consentinel to choose your settings again.":
        "Le fichier des paramètres de Consentinel était inutilisable ; il a été mis de côté "
        "sous le nom {name} et les paramètres par défaut sont utilisés. Les vérifications "
        "automatiques reprennent, même si vous les aviez mises en pause : ouvrez Consentinel "
        "pour choisir à nouveau vos paramètres.",
    "Consentinel could not check your X accounts: the disk of its folder {folder} is full. "
    "Free some space on it; the next scheduled check then runs.":
        "Consentinel n'a pas pu vérifier vos comptes X : le disque de son dossier {folder} est "
        "plein. Libérez-y de la place ; la prochaine vérification planifiée aura alors lieu.",
    "Consentinel could not check your X accounts: its folder {folder} is on a disk that is "
    "read-only. Make that disk writable again (the system may have made it read-only after "
    "an error: restart, or check the disk); the next scheduled check then runs.":
        "Consentinel n'a pas pu vérifier vos comptes X : son dossier {folder} est sur un disque "
        "en lecture seule. Rendez ce disque de nouveau modifiable (le système a pu le passer en "
        "lecture seule après une erreur : redémarrez, ou vérifiez le disque) ; la prochaine "
        "vérification planifiée aura alors lieu.",
    "Consentinel could not check your X accounts: you cannot write in its folder {folder}. "
    "Make it writable by you again (chmod u+rwx); the next scheduled check then runs.":
        "Consentinel n'a pas pu vérifier vos comptes X : vous ne pouvez pas écrire dans son "
        "dossier {folder}. Rendez-le de nouveau modifiable par vous (chmod u+rwx) ; la "
        "prochaine vérification planifiée aura alors lieu.",
    "Consentinel could not check your X accounts, as its folder {folder} cannot be used: "
    "{said} Run consentinel doctor to see what to do.":
        "Consentinel n'a pas pu vérifier vos comptes X, car son dossier {folder} est "
        "inutilisable : {said} Lancez consentinel doctor pour savoir quoi faire.",
    "Consentinel could not check your X accounts: no browser was found. Open Consentinel to "
    "get one.":
        "Consentinel n'a pas pu vérifier vos comptes X : aucun navigateur n'a été trouvé. "
        "Ouvrez Consentinel pour en obtenir un.",
    "Consentinel could not read X's settings page for {accounts} — it may have changed. "
    "Until Consentinel is updated, check their Grok settings yourself on x.com.": (
        "Consentinel n'a pas pu lire la page des paramètres de X pour {accounts} — elle a "
        "peut-être changé. Tant que Consentinel n'est pas mis à jour, vérifiez vous-même les "
        "réglages Grok sur x.com."
    ),
    "run checks on a schedule, even when Consentinel is closed":
        "vérifier selon un calendrier, même quand Consentinel est fermé",
    "install the OS job that runs `consentinel check --unattended`":
        "installer la tâche système qui lance `consentinel check --unattended`",
    "how often to check (default: the schedule in the settings)":
        "à quelle fréquence vérifier (par défaut : celle des paramètres)",
    "also remove the start at login (for uninstallers)":
        "supprimer aussi le démarrage à l'ouverture de session (pour les programmes de "
        "désinstallation)",
    "Scheduled check: installed ({every}), but the program it runs is gone ({program}). Install "
    "it again: consentinel schedule install, or save the settings in the app.":
        "Vérification planifiée : installée ({every}), mais le programme qu'elle lance n'existe "
        "plus ({program}). Installez-la à nouveau : consentinel schedule install, ou enregistrez "
        "les paramètres dans l'application.",
    "remove the OS job": "supprimer la tâche système",
    "say whether the OS job is installed, and when it runs":
        "indiquer si la tâche système est installée, et quand elle s'exécute",
    "Automatic checks are off. Choose: consentinel schedule install --every daily":
        "Les vérifications automatiques sont désactivées. Choisissez : "
        "consentinel schedule install --every daily",
    "Automatic checks are off: choose how often to check (6h, 12h, daily or weekly) first.":
        "Les vérifications automatiques sont désactivées : choisissez d'abord une fréquence "
        "(6h, 12h, daily ou weekly).",
    "This computer does not run systemd, so Consentinel cannot check on a schedule while it is "
    "closed. Keep Consentinel open (in the tray it checks on schedule), or have your own "
    "scheduler run it in your session (the keyring and the notifications need it). For cron, "
    "the line to add with crontab -e runs every hour and checks {every}; as with systemd, a "
    "check missed while the computer was off or asleep is made within the hour after it is "
    "back on. The line is:":
        "Cet ordinateur ne fonctionne pas avec systemd : Consentinel ne peut donc pas vérifier "
        "selon un calendrier quand il est fermé. Laissez Consentinel ouvert (dans la zone "
        "de notification, il vérifie selon le calendrier), ou faites-le lancer par votre propre "
        "planificateur, dans votre session (le trousseau et les notifications en ont besoin). "
        "Pour cron, la ligne à ajouter avec crontab -e s'exécute toutes les heures et vérifie "
        "{every} ; comme avec systemd, une vérification manquée pendant que l'ordinateur était "
        "éteint ou en veille est faite dans l'heure qui suit son redémarrage ou son réveil. "
        "La ligne est :",
    "But this session's bus has no fixed address, so a job cron starts cannot open the "
    "keyring, nor show a notification: here, keep Consentinel open.":
        "Mais le bus de cette session n'a pas d'adresse fixe : une tâche lancée par cron ne peut "
        "donc ni ouvrir le trousseau, ni afficher de notification. Ici, laissez Consentinel "
        "ouvert.",
    "Scheduled check: installed ({every}) but this computer does not run systemd, so it never "
    "runs. Remove it: consentinel schedule remove":
        "Vérification planifiée : installée ({every}), mais cet ordinateur ne fonctionne pas avec "
        "systemd : elle ne sera jamais lancée. Supprimez-la : consentinel schedule remove",
    "Wrote {timer}, but the systemd user manager is not running here, so the timer starts at "
    "your next login. To start it now, run: "
    "systemctl --user daemon-reload && systemctl --user enable --now {name}":
        "{timer} est écrit, mais le gestionnaire systemd de l'utilisateur ne tourne pas ici : "
        "le minuteur démarrera à votre prochaine connexion. Pour le démarrer maintenant : "
        "systemctl --user daemon-reload && systemctl --user enable --now {name}",
    "Installed a systemd user timer: checks run {every}, even when Consentinel is closed.":
        "Minuteur systemd installé : les vérifications ont lieu {every}, même quand Consentinel "
        "est fermé.",
    "Installed a LaunchAgent: checks run {every}, even when Consentinel is closed.":
        "LaunchAgent installé : les vérifications ont lieu {every}, même quand Consentinel "
        "est fermé.",
    "Installed a Task Scheduler task: checks run {every}, even when Consentinel is closed.":
        "Tâche planifiée installée : les vérifications ont lieu {every}, même quand Consentinel "
        "est fermé.",
    "Removed the scheduled check.": "Vérification planifiée supprimée.",
    "No scheduled check was installed.": "Aucune vérification planifiée n'était installée.",
    "Scheduled check: not installed.": "Vérification planifiée : non installée.",
    "Scheduled check: installed ({every}, systemd user timer), next run {when}.":
        "Vérification planifiée : installée ({every}, minuteur systemd), prochaine le {when}.",
    "Scheduled check: installed ({every}, systemd user timer); the systemd user manager is not "
    "running, so it starts at your next login.":
        "Vérification planifiée : installée ({every}, minuteur systemd) ; le gestionnaire "
        "systemd de l'utilisateur ne tourne pas, elle démarrera à votre prochaine connexion.",
    "Scheduled check: installed ({every}) but the timer is not active; run: "
    "systemctl --user enable --now {name}":
        "Vérification planifiée : installée ({every}) mais le minuteur n'est pas actif ; "
        "lancez : systemctl --user enable --now {name}",
    "Next run: {when}.": "Prochain lancement : {when}.",
    "Scheduled check: installed (LaunchAgent), next run {when}.":
        "Vérification planifiée : installée (LaunchAgent), prochaine le {when}.",
    "Scheduled check: the LaunchAgent exists but launchd has not loaded it.":
        "Vérification planifiée : le LaunchAgent existe mais launchd ne l'a pas chargé.",
    "Scheduled check: installed (Task Scheduler), next run {when}.":
        "Vérification planifiée : installée (Planificateur de tâches), prochaine le {when}.",
    "systemd refused the timer: {detail}": "systemd a refusé le minuteur : {detail}",
    "launchd refused the scheduled check: {detail}":
        "launchd a refusé la vérification planifiée : {detail}",
    "Task Scheduler refused the scheduled check: {detail}":
        "Le Planificateur de tâches a refusé la vérification planifiée : {detail}",
    "Consentinel will start at login, in the tray.":
        "Consentinel démarrera à l'ouverture de session, dans la zone de notification.",
    "Consentinel will no longer start at login.":
        "Consentinel ne démarrera plus à l'ouverture de session.",
    "Consentinel was not set to start at login.":
        "Consentinel n'était pas réglé pour démarrer à l'ouverture de session.",
    "Starts at login: yes.": "Démarre à l'ouverture de session : oui.",
    "Starts at login: no.": "Démarre à l'ouverture de session : non.",
    "every 6 hours": "toutes les 6 heures",
    "every 12 hours": "toutes les 12 heures",
    "every day": "chaque jour",
    "every week": "chaque semaine",
    "Scheduled check: not installed. This computer does not run systemd, so nothing checks"
    " while Consentinel is closed; the command \"consentinel schedule install\" says how to have"
    " cron do it.":
        "Vérification planifiée : non installée. Cet ordinateur n'utilise pas systemd, donc rien"
        " ne vérifie quand Consentinel est fermé ; la commande « consentinel schedule install »"
        " explique comment le confier à cron.",
    "Scheduled check: this computer does not run systemd, and your crontab runs it with a line "
    "of the old form, at the schedule's times only: it makes up no check missed while the "
    "computer was off or asleep. Replace it (crontab -e) with the line the command "
    "\"consentinel schedule install\" gives, which does.":
        "Vérification planifiée : cet ordinateur n'utilise pas systemd, et votre crontab la "
        "lance avec une ligne de l'ancienne forme, aux heures du calendrier seulement : elle ne "
        "rattrape pas une vérification manquée pendant que l'ordinateur était éteint ou en "
        "veille. Remplacez-la (crontab -e) par la ligne que donne la commande « consentinel "
        "schedule install », qui le fait.",
    "Scheduled check: installed (a line in your crontab, which cron runs every hour), but "
    "automatic checks are off in the settings, so it checks nothing.":
        "Vérification planifiée : installée (une ligne de votre crontab, que cron lance toutes "
        "les heures), mais les vérifications automatiques sont désactivées dans les réglages, "
        "donc elle ne vérifie rien.",
    "Scheduled check: installed ({every}, a line in your crontab, which cron runs every hour); "
    "a check missed while the computer was off or asleep is made within the hour after it is "
    "back on.":
        "Vérification planifiée : installée ({every}, une ligne de votre crontab, que cron lance "
        "toutes les heures) ; une vérification manquée pendant que l'ordinateur était éteint ou "
        "en veille est faite dans l'heure qui suit son retour.",
    "Your crontab already runs the scheduled check every hour, with the line Consentinel "
    "gives; it checks {every}, as chosen in the settings. There is nothing to add.":
        "Votre crontab lance déjà la vérification planifiée toutes les heures, avec la ligne que "
        "donne Consentinel ; elle vérifie {every}, comme choisi dans les réglages. Il n'y a rien "
        "à ajouter.",
    "Your crontab still runs the scheduled check: Consentinel does not change your crontab. "
    "To stop it, remove this line with crontab -e:":
        "Votre crontab lance toujours la vérification planifiée : Consentinel ne modifie pas "
        "votre crontab. Pour l'arrêter, supprimez cette ligne avec crontab -e :",
    "Your crontab also runs the scheduled check with a line of the old form, at the "
    "schedule's times: a second run then, beside the hourly line's. Remove this line with "
    "crontab -e:":
        "Votre crontab lance aussi la vérification planifiée avec une ligne de l'ancienne "
        "forme, aux heures du calendrier : un second lancement à ces heures-là, en plus de "
        "celui de la ligne horaire. Supprimez cette ligne avec crontab -e :",
    "Consentinel: check that X accounts stay out of AI training": (
        "Consentinel : vérifier que les comptes X restent hors de l'entraînement de l'IA"
    ),
    "Consentinel: check X accounts {every}": "Consentinel : vérifier les comptes X {every}",
    "never": "jamais",
    "{tool} is not installed.": "{tool} n'est pas installé.",
    "{tool} did not answer in time.": "{tool} n'a pas répondu à temps.",
    # -- engine and X automation (core/engine.py, core/check_messages.py, x/browser.py)
    "training": "entraînement",
    "personalization": "personnalisation",
    "memory": "mémoire",
    "Training": "Entraînement",
    "Personalization": "Personnalisation",
    "Memory": "Mémoire",
    "Unticked and read back off: {boxes}.": "Case décochée, puis relue décochée : {boxes}.",
    "Both unticked and read back off: {boxes}.": (
        "Les deux cases décochées, puis relues décochées : {boxes}."
    ),
    "All unticked and read back off: {boxes}.": (
        "Toutes les cases décochées, puis relues décochées : {boxes}."
    ),
    "Would untick: {boxes}.": "Décocherait : {boxes}.",
    "X had switched {boxes} back on.": "X avait réactivé : {boxes}.",
    "Every box you chose that X's page shows is off.":
        "Toutes les cases choisies que la page de X affiche sont décochées.",
    "Every box you chose is off.": "Toutes les cases choisies sont décochées.",
    "{path} (named by {source}) is not a program this computer can run, so it is not used.":
        "{path} (indiqué par {source}) n'est pas un programme que cet ordinateur peut lancer ; "
        "il n'est donc pas utilisé.",
    "Found instead: {path}.": "Trouvé à la place : {path}.",
    "Correct or remove that setting, or choose another browser in the settings.":
        "Corrigez ou retirez ce paramètre, ou choisissez un autre navigateur dans les paramètres.",
    # -- what X's settings page did (x/grok_page.py), inside the messages above
    "no checkbox in the Grok settings": "aucune case dans les paramètres Grok",
    "{n} checkboxes where at most {known} are known":
        "{n} cases alors qu'on en connaît au plus {known}",
    "box {n} has {found}, expected {expected}":
        "la case {n} est « {found} », attendue : {expected}",
    "box {n} has an unknown label, “{label}”, expected {expected}":
        "la case {n} a un libellé inconnu, « {label} », attendue : {expected}",
    "box {n} has no label, expected {expected}":
        "la case {n} n'a pas de libellé, attendue : {expected}",
    "box {n} has no CHECKBOX_<n>_LABEL help text":
        "la case {n} n'a pas de texte d'aide CHECKBOX_<n>_LABEL",
    "box {n} has help id {id} out of order":
        "la case {n} a l'identifiant d'aide {id} hors de l'ordre",
    "the help id {id} is not on exactly one box":
        "l'identifiant d'aide {id} n'est pas sur une seule case",
    "the training box is missing": "la case d'entraînement manque",
    "HTTP status {status}": "statut HTTP {status}",
    "it failed to send the settings": "il n'a pas envoyé les paramètres",
    "X did not send the settings in time": "X n'a pas envoyé les paramètres à temps",
    "it said something went wrong": "il a signalé une erreur",
    "X is rate limiting": "X limite les requêtes",
    "the Grok settings never appeared": "les paramètres Grok ne sont jamais apparus",
    "the page shows boxes, but not in the Grok settings' frame Consentinel knows":
        "la page montre des cases, mais pas dans le cadre des paramètres Grok que Consentinel "
        "connaît",
    "the Grok settings wrapper is missing or repeated":
        "le bloc des paramètres Grok manque ou apparaît plusieurs fois",
    "the {box} box is missing": "la case {box} manque",
    "the boxes were drawn without X's read of their values ({query})":
        "les cases ont été affichées sans la lecture de leurs valeurs par X ({query})",
    "X's read of the settings ({query}) is not in the form Consentinel knows":
        "la lecture des paramètres par X ({query}) n'a pas la forme que Consentinel connaît",
    "X's read of the settings says nothing of the {box} box":
        "la lecture des paramètres par X ne dit rien de la case {box}",
    "the page shows the {box} box ticked where X's data says it is off":
        "la page montre la case {box} cochée alors que les données de X la disent décochée",
    "the page shows the {box} box unticked where X's data says it is on":
        "la page montre la case {box} décochée alors que les données de X la disent cochée",
    "refused to click the {box} box: it is not a plain checkbox, or a button or a link "
    "shares its block":
        "clic refusé sur la case {box} : ce n'est pas une simple case à cocher, ou un bouton "
        "ou un lien se trouve dans son bloc",
    "a checkbox": "une case à cocher",
    "a hidden checkbox": "une case à cocher cachée",
    "a radio button": "un bouton radio",
    "a switch": "un interrupteur",
    "a list of choices": "une liste de choix",
    "a control that can be on or off": "une commande qui peut être activée ou désactivée",
    "the page holds a setting Consentinel does not read: {what}, “{words}”":
        "la page contient un réglage que Consentinel ne lit pas : {what}, « {words} »",
    "the page holds a setting Consentinel does not read: {what}":
        "la page contient un réglage que Consentinel ne lit pas : {what}",
    "the page holds {n} settings Consentinel does not read, the first {what}, “{words}”":
        "la page contient {n} réglages que Consentinel ne lit pas, le premier : {what}, "
        "« {words} »",
    "the page holds {n} settings Consentinel does not read, the first {what}":
        "la page contient {n} réglages que Consentinel ne lit pas, le premier : {what}",
    "a captcha": "un captcha",
    "the account is locked": "le compte est verrouillé",
    "sign-in refused": "connexion refusée",
    "too many requests": "trop de requêtes",
    "X stopped the last sign-in ({reason}); no automatic sign-in before {when}. "
    "Run `consentinel login {handle}` to sign in yourself.":
        "X a arrêté la dernière connexion ({reason}) ; pas de connexion automatique avant le "
        "{when}. Lancez `consentinel login {handle}` pour vous connecter vous-même.",
    "X asked to slow down {at}: Consentinel sends no request for @{handle} before {when}.":
        "X a demandé de ralentir {at} : Consentinel n'envoie aucune requête pour @{handle} "
        "avant le {when}.",
    "X asked to slow down: Consentinel sends no request for @{handle} before {when}.":
        "X a demandé de ralentir : Consentinel n'envoie aucune requête pour @{handle} avant le "
        "{when}.",
    "X asks for a two-factor code, and the 2FA secret saved in the keyring for this "
    "account is not a valid one (a setup key is letters A to Z and digits 2 to 7), so "
    "no code could be made from it: save the right one with `consentinel account "
    "set-totp {handle}`, or remove it with `consentinel account set-totp {handle} "
    "--remove` and run `consentinel login {handle}` to sign in yourself.":
        "X demande un code de double authentification, et le secret 2FA enregistré dans le "
        "trousseau pour ce compte n'est pas valide (une clé de configuration ne contient que "
        "les lettres A à Z et les chiffres 2 à 7), aussi aucun code n'a pu en être produit : "
        "enregistrez le bon avec `consentinel account set-totp {handle}`, ou supprimez-le avec "
        "`consentinel account set-totp {handle} --remove` et lancez `consentinel login "
        "{handle}` pour vous connecter vous-même.",
    "X asks for a two-factor code: save the account's 2FA secret with `consentinel account "
    "set-totp {handle}`, or run `consentinel login {handle}`.":
        "X demande un code de double authentification : enregistrez le secret 2FA du compte avec "
        "`consentinel account set-totp {handle}`, ou lancez `consentinel login {handle}`.",
    "X sent a code by email or SMS: run `consentinel login {handle}` to enter it.":
        "X a envoyé un code par e-mail ou SMS : lancez `consentinel login {handle}` pour le "
        "saisir.",
    "X shows a captcha: run `consentinel login {handle}` and solve it in the window.":
        "X affiche un captcha : lancez `consentinel login {handle}` et résolvez-le dans la "
        "fenêtre.",
    "X asks to confirm the account's email or phone: add it to the account, or run "
    "`consentinel login {handle}`. To find it, open X where you are signed in (its app, or "
    "x.com): Settings and privacy › Your account › Account information.":
        "X demande de confirmer l'e-mail ou le téléphone du compte : ajoutez-le au compte, ou "
        "lancez `consentinel login {handle}`. Pour le retrouver, ouvrez X là où vous êtes "
        "connecté (son application, ou x.com) : Paramètres et confidentialité › Votre compte › "
        "Informations sur le compte.",
    # consentinel-gui --help
    "open the app on the simulated X": "ouvrir l'application sur le X simulé",
    "start in the tray": "démarrer dans la zone de notification",
    # The settings a journal entry names (settings.setting_names).
    "how often to check": "fréquence des vérifications",
    "check at start-up when one is due": "vérification au démarrage si une est en retard",
    "checks while Consentinel is closed": "vérifications quand Consentinel est fermé",
    "start at login": "lancement à l'ouverture de session",
    "browser": "navigateur",
    "browser shown during checks": "navigateur affiché pendant les vérifications",
    "accounts checked at once": "comptes vérifiés en même temps",
    "language": "langue",
    "desktop notifications": "notifications du bureau",
    "a screenshot of every check": "capture d'écran de chaque vérification",
    "wait after X refuses a sign-in": "attente après un refus de connexion par X",
    "X's address": "adresse de X",
    # What a sign-in ended on, in "X's page is not what Consentinel knows (…)".
    "too many sign-in steps": "trop d'étapes de connexion",
    "unknown sign-in screen": "écran de connexion inconnu",
    "unexpected message from X": "message inattendu de X",
    "X asked for the username again": "X a redemandé l'identifiant",
    "the password page is not X's": "la page du mot de passe n'est pas celle de X",
    "password field not found": "champ du mot de passe introuvable",
    "X refused the sign-in for now; Consentinel waits before trying again. You can "
    "sign in yourself in a browser window: `consentinel login {handle}`.":
        "X a refusé la connexion pour l'instant ; Consentinel attend avant de réessayer. Vous "
        "pouvez vous connecter vous-même dans une fenêtre de navigateur : "
        "`consentinel login {handle}`.",
    "X refused the sign-in for now (it said: “{detail}”); Consentinel waits before "
    "trying again. You can sign in yourself in a browser window: "
    "`consentinel login {handle}`.":
        "X a refusé la connexion pour l'instant (il a répondu : « {detail} ») ; Consentinel "
        "attend avant de réessayer. Vous pouvez vous connecter vous-même dans une fenêtre de "
        "navigateur : `consentinel login {handle}`.",
    "X locked the account until you verify it: sign in on x.com, then run "
    "`consentinel login {handle}`.":
        "X a verrouillé le compte jusqu'à ce que vous le vérifiiez : connectez-vous sur x.com, "
        "puis lancez `consentinel login {handle}`.",
    "X ended the session again during the check: run `consentinel login {handle}` to sign "
    "in yourself.":
        "X a de nouveau fermé la session pendant la vérification : lancez "
        "`consentinel login {handle}` pour vous connecter vous-même.",
    "The saved X session could not be read (it was set aside), so a new sign-in was needed.":
        "La session X enregistrée n'a pas pu être lue (elle a été mise de côté) : il a fallu se "
        "reconnecter.",
    "The saved X session could not be read (it was set aside) and no password is saved, so "
    "Consentinel cannot sign in for you: sign in yourself in a browser window with "
    "`consentinel login {handle}`, or save the password with `consentinel account "
    "set-password {handle}`.":
        "La session X enregistrée n'a pas pu être lue (elle a été mise de côté) et aucun mot de "
        "passe n'est enregistré : Consentinel ne peut pas se connecter à votre place. "
        "Connectez-vous vous-même dans une fenêtre de navigateur avec "
        "`consentinel login {handle}`, ou enregistrez le mot de passe avec `consentinel account "
        "set-password {handle}`.",
    "No session and no password are saved for this account: run `consentinel login "
    "{handle}` to sign in yourself in a browser window, or save the password with "
    "`consentinel account set-password {handle}`.":
        "Ni session ni mot de passe ne sont enregistrés pour ce compte : lancez `consentinel "
        "login {handle}` pour vous connecter vous-même dans une fenêtre de navigateur, ou "
        "enregistrez le "
        "mot de passe avec `consentinel account set-password {handle}`.",
    "The saved session expired and no password is saved: run `consentinel login "
    "{handle}`, or save the password with `consentinel account set-password {handle}`.":
        "La session enregistrée a expiré et aucun mot de passe n'est enregistré : lancez "
        "`consentinel login {handle}`, ou enregistrez le mot de passe avec `consentinel account "
        "set-password {handle}`.",
    "X said the saved password is wrong; it will not be tried again until you run "
    "`consentinel account set-password {handle}`.":
        "X a indiqué que le mot de passe enregistré est faux ; il ne sera plus essayé avant que "
        "vous lanciez `consentinel account set-password {handle}`.",
    "X does not know the account @{handle}. Check how it is spelt on X: if it is wrong, "
    "remove it with `consentinel account remove {handle}` and add it again as X spells it "
    "with `consentinel account add HANDLE`. Scheduled checks no longer sign in to it until a "
    "sign-in succeeds.": "X ne connaît pas le compte @{handle}. Vérifiez son orthographe sur"
    " X : si elle est fausse, supprimez-le avec `consentinel account remove {handle}` et "
    "ajoutez-le de nouveau tel que X l'écrit avec `consentinel account add HANDLE`. Les "
    "vérifications planifiées ne s'y connectent plus tant qu'une connexion n'a pas réussi.",
    "X's page changed during the check, so nothing more was clicked ({detail}).":
        "La page de X a changé pendant la vérification, rien de plus n'a donc été cliqué "
        "({detail}).",
    "X's page is not what Consentinel knows, so nothing was clicked ({detail}).":
        "La page de X ne correspond pas à ce que Consentinel connaît, rien n'a donc été cliqué "
        "({detail}).",
    "A screenshot of the page was saved.": "Une capture d'écran de la page a été enregistrée.",
    "X did not answer": "X n'a pas répondu",
    "the browser stopped answering": "le navigateur ne répondait plus",
    "its page stopped halfway": "sa page s'est arrêtée en cours de route",
    "X did not keep the change after two tries: {detail}.":
        "X n'a pas conservé la modification après deux essais : {detail}.",
    "X answered with an error: {detail}. The trouble is on X's side; the next check tries "
    "again.":
        "X a répondu par une erreur : {detail}. Le problème vient de X ; la prochaine "
        "vérification réessaiera.",
    "X answered with an error. The trouble is on X's side; the next check tries again.":
        "X a répondu par une erreur. Le problème vient de X ; la prochaine vérification "
        "réessaiera.",
    "Could not reach X from this computer: {detail}. Check this computer's internet "
    "connection, VPN or proxy; the next check tries again.":
        "Impossible de joindre X depuis cet ordinateur : {detail}. Vérifiez la connexion "
        "internet, le VPN ou le proxy de cet ordinateur ; la prochaine vérification réessaiera.",
    "Could not reach X from this computer. Check this computer's internet connection, VPN or "
    "proxy; the next check tries again.":
        "Impossible de joindre X depuis cet ordinateur. Vérifiez la connexion internet, le VPN "
        "ou le proxy de cet ordinateur ; la prochaine vérification réessaiera.",
    "Could not reach X, or X answered with an error. The next check tries again.":
        "Impossible de joindre X, ou X a répondu par une erreur. La prochaine vérification "
        "réessaiera.",
    "X took too long to answer ({detail}). The next check tries again; if this keeps "
    "happening, check this computer's internet connection, VPN or proxy.":
        "X a mis trop de temps à répondre ({detail}). La prochaine vérification réessaiera ; "
        "si cela se répète, vérifiez la connexion internet, le VPN ou le proxy de cet "
        "ordinateur.",
    "X is limiting requests; try again later.": "X limite les requêtes ; réessayez plus tard.",
    "No Chromium, Chrome or Edge was found. Install one, choose it in the settings, or run "
    "`consentinel browser install`.":
        "Aucun Chromium, Chrome ou Edge n'a été trouvé. Installez-en un, choisissez-le dans les "
        "paramètres, ou lancez `consentinel browser install`.",
    "The system keyring, which keeps the account's password and the key of its saved "
    "session, cannot be used. {detail}":
        "Le trousseau du système, qui garde le mot de passe du compte et la clé de sa session "
        "enregistrée, est inutilisable. {detail}",
    "The check was cancelled.": "La vérification a été annulée.",
    "A box X shows ticked but disabled: {box} (X does this for accounts under 18); "
    "Consentinel cannot change it.":
        "Case que X affiche cochée mais désactivée : {box} (X le fait pour les comptes de moins "
        "de 18 ans) ; Consentinel ne peut pas la modifier.",
    "Boxes X shows ticked but disabled: {detail} (X does this for accounts under 18); "
    "Consentinel cannot change them.":
        "Cases que X affiche cochées mais désactivées : {detail} (X le fait pour les comptes "
        "de moins de 18 ans) ; Consentinel ne peut pas les modifier.",
    "The check failed ({reason}).": "La vérification a échoué ({reason}).",
    # core/unfinished_signin.py
    "that the account is locked": "que le compte est verrouillé",
    "its sign-in page": "sa page de connexion",
    "its password step": "l'étape du mot de passe",
    "its step for the two-factor code": "l'étape du code de double authentification",
    "its step for the code sent by email or text message":
        "l'étape du code envoyé par e-mail ou SMS",
    "its question about unusual activity": "sa question sur une activité inhabituelle",
    "a question": "une question",
    "that it refused the sign-in": "qu'il refusait la connexion",
    "The time to finish signing in to @{handle} ran out after {waited}: X was still "
    "showing {what}.":
        "Le temps pour terminer la connexion de @{handle} s'est écoulé au bout de {waited} : "
        "X affichait encore {what}.",
    "The time to finish signing in to @{handle} ran out after {waited}.":
        "Le temps pour terminer la connexion de @{handle} s'est écoulé au bout de {waited}.",
    "The window was closed before the sign-in of @{handle} was finished.":
        "La fenêtre a été fermée avant la fin de la connexion de @{handle}.",
    "The browser stopped answering and was closed: the sign-in of @{handle} was not "
    "finished. Sign in again.":
        "Le navigateur ne répondait plus et a été fermé : la connexion de @{handle} n'a pas "
        "été terminée. Reconnectez-vous.",
    "@{handle} is signed in; the session is saved.":
        "@{handle} est connecté ; la session est enregistrée.",
    "Could not start the browser download: {error}":
        "Impossible de lancer le téléchargement du navigateur : {error}",
    "Chromium is installed.": "Chromium est installé.",
    "the disk is full; free some space on it and try again":
        "le disque est plein ; libérez de la place et réessayez",
    "The journal could not be written: {cause}.": "Le journal n'a pas pu être écrit : {cause}.",
    "The browser stopped unexpectedly during the check, before its end; check again "
    "(if it keeps happening, run `consentinel doctor`).":
        "Le navigateur s'est arrêté pendant la vérification, avant sa fin ; vérifiez à nouveau "
        "(si cela se répète, lancez `consentinel doctor`).",
    "The browser download was cancelled.": "Le téléchargement du navigateur a été annulé.",
    "Downloading Chromium into {folder}…": "Téléchargement de Chromium dans {folder}…",
    "A browser is already found ({name}, {path}); Chromium is downloaded all the same.":
        "Un navigateur est déjà trouvé ({name}, {path}) ; Chromium est téléchargé quand même.",
    "{what}: {percent}% of {size}": "{what} : {percent} % de {size}",
    "Unexpected error: {error}": "Erreur inattendue : {error}",
    "The browser download failed: {detail}.":
        "Le téléchargement du navigateur a échoué : {detail}.",
    "The browser download failed.": "Le téléchargement du navigateur a échoué.",
    "its server could not be found (no internet, or a DNS problem)":
        "son serveur est introuvable (pas d'internet, ou un problème de DNS)",
    "Is this computer online? You can also install Google Chrome, Microsoft Edge or Chromium, "
    "or choose a browser in the settings.":
        "Cet ordinateur est-il connecté ? Vous pouvez aussi installer Google Chrome, Microsoft "
        "Edge ou Chromium, ou choisir un navigateur dans les paramètres.",
    "Is this computer online? You can also install Google Chrome, Microsoft Edge or Chromium, "
    "or name a browser with CONSENTINEL_BROWSER=/path/to/the/browser.":
        "Cet ordinateur est-il connecté ? Vous pouvez aussi installer Google Chrome, "
        "Microsoft Edge ou Chromium, ou indiquer un navigateur avec "
        "CONSENTINEL_BROWSER=/chemin/du/navigateur.",
    # -- core stores: paths, files, accounts, settings, vault, 2FA, sessions, journal
    "@{handle} is already in your accounts.": "@{handle} fait déjà partie de vos comptes.",
    # -- importing accounts from a file (core/account_import)
    "{path} could not be read: {error}": "{path} n'a pas pu être lu : {error}",
    "there is no such file": "ce fichier n'existe pas",
    "it is a folder, not a file": "c'est un dossier, pas un fichier",
    "you are not allowed to read it": "vous n'avez pas le droit de le lire",
    "A cell in quotes goes from row {row} to row {end}: a password never holds a line break, "
    "so a quote is missing or one too many there. Correct the quotes of those rows, then "
    "import the file again.":
        "Une cellule entre guillemets va de la ligne {row} à la ligne {end} : un mot de passe "
        "ne contient jamais de saut de ligne, il y manque donc un guillemet, ou il y en a un de "
        "trop. Corrigez les guillemets de ces lignes, puis importez le fichier de nouveau.",
    "Row {row} has a cell of more than 128 KB: this is not a list of accounts.":
        "La ligne {row} a une cellule de plus de 128 Ko : ce n'est pas une liste de comptes.",
    "The quote opened on row {row} is never closed: the rest of the file would be read as one "
    "cell. Close that cell's quote (a quote inside a cell in quotes is written twice: \"\"), "
    "then import the file again.":
        "Le guillemet ouvert à la ligne {row} n'est jamais fermé : le reste du fichier serait "
        "lu comme une seule cellule. Fermez le guillemet de cette cellule (un guillemet à "
        "l'intérieur d'une cellule entre guillemets s'écrit deux fois : \"\"), puis importez "
        "le fichier de nouveau.",
    "On row {row}, a cell in quotes goes on after its closing quote: a quote inside a cell in "
    "quotes is written twice (\"\"). Correct that row, then import the file again.":
        "À la ligne {row}, une cellule entre guillemets continue après son guillemet fermant : "
        "un guillemet à l'intérieur d'une cellule entre guillemets s'écrit deux fois (\"\"). "
        "Corrigez cette ligne, puis importez le fichier de nouveau.",
    "Row {row} cannot be read as a row of a spreadsheet.":
        "La ligne {row} ne peut pas être lue comme une ligne de tableur.",
    "Column {column} has no name on the first row but holds values: name it (handle, "
    "password, 2FA secret, email or phone; in French: compte, mot de passe, secret 2FA, "
    "e-mail, téléphone) or delete it.":
        "La colonne {column} n'a pas de nom sur la première ligne mais contient des valeurs : "
        "nommez-la (compte, mot de passe, secret 2FA, e-mail ou téléphone ; en anglais : "
        "handle, password, 2FA secret, email, phone) ou supprimez-la.",
    "The handle cell is empty.": "La cellule du compte est vide.",
    "The handle cell is not an X handle: one has at most 15 characters, letters A to Z (no "
    "accents), digits and _ (an @ before it, or the profile's address, is fine). Are the "
    "columns named in the right order?":
        "La cellule du compte ne contient pas un identifiant X : un identifiant a au plus 15 "
        "caractères, des lettres de A à Z (sans accents), des chiffres et _ (un @ devant, ou "
        "l'adresse du profil, convient aussi). Les colonnes sont-elles nommées dans le bon "
        "ordre ?",
    "The password starts or ends with a space, most likely a slip: check it. Remove the space "
    "in the file, or if the password really has one, add this account with “Add account” (or "
    "consentinel account add).":
        "Le mot de passe commence ou finit par une espace, sans doute par erreur : vérifiez-le. "
        "Retirez l'espace dans le fichier ou, si le mot de passe en a vraiment une, ajoutez ce "
        "compte avec « Ajouter un compte » (ou consentinel account add).",
    "The email cell is not an email address (like name@example.org).":
        "La cellule de l'e-mail ne contient pas une adresse e-mail (comme nom@exemple.fr).",
    "The phone cell is not a phone number (like +33 6 12 34 56 78).":
        "La cellule du téléphone ne contient pas un numéro de téléphone (comme "
        "+33 6 12 34 56 78).",
    "The import was stopped before this row.": "L'importation a été arrêtée avant cette ligne.",
    "The list of accounts could not be read or written: {problem}.":
        "La liste des comptes n'a pas pu être lue ou écrite : {problem}.",
    "Keep the file for now: the passwords of the rows skipped are only in it. Correct those "
    "rows and import the file again (the accounts imported already are then skipped as "
    "already in your accounts, and left as they are); then delete it (and empty the trash).":
        "Gardez le fichier pour l'instant : les mots de passe des lignes ignorées ne sont que "
        "dans celui-ci. Corrigez ces lignes et importez le fichier de nouveau (les comptes déjà "
        "importés sont alors ignorés, car déjà dans vos comptes, et laissés tels quels) ; puis "
        "supprimez-le (et videz la corbeille).",
    "This file is too big for a list of accounts (more than 1 MB).":
        "Ce fichier est trop gros pour une liste de comptes (plus de 1 Mo).",
    "This file is not in UTF-8: in your spreadsheet, save it as “CSV UTF-8” (or as text in "
    "UTF-8), then import it again.":
        "Ce fichier n'est pas en UTF-8 : dans votre tableur, enregistrez-le en « CSV UTF-8 » "
        "(ou en texte UTF-8), puis importez-le de nouveau.",
    "This file is empty.": "Ce fichier est vide.",
    "This file names its columns but holds no account.":
        "Ce fichier nomme ses colonnes mais ne contient aucun compte.",
    "The first row must name the columns: handle and password, and if you have them 2FA "
    "secret, email and phone (in French: compte, mot de passe, secret 2FA, e-mail, téléphone).":
        "La première ligne doit nommer les colonnes : compte et mot de passe, et si vous les "
        "avez secret 2FA, e-mail et téléphone (en anglais : handle, password, 2FA secret, "
        "email, phone).",
    "Columns not understood: {names}. Name them handle, password, 2FA secret, email or phone "
    "(in French: compte, mot de passe, secret 2FA, e-mail, téléphone), each once, or delete "
    "them.":
        "Colonnes non comprises : {names}. Nommez-les compte, mot de passe, secret 2FA, e-mail "
        "ou téléphone (en anglais : handle, password, 2FA secret, email, phone), chacune une "
        "fois, ou supprimez-les.",
    "This row has {cells} cells where the first row has {columns}: one of its cells holds "
    "{delimiter}, the file's delimiter, without quotes, most likely the password, which is then "
    "cut in two. Put the password in double quotes in the file (a double quote inside it "
    'written twice: ""), then import the file again.':
        "Cette ligne a {cells} cellules là où la première ligne en a {columns} : une de ses "
        "cellules contient {delimiter}, le séparateur du fichier, sans guillemets, sans doute "
        "le mot de passe, qui est alors coupé en deux. Mettez le mot de passe entre guillemets "
        "droits dans le fichier (un guillemet droit à l'intérieur s'écrit deux fois : \"\"), "
        "puis importez de nouveau le fichier.",
    "This row has {cells} cells where the first row has {columns}, the extra ones empty: "
    "either the row ends with {delimiter} too many, or one of its cells holds {delimiter}, the "
    "file's delimiter, without quotes, most likely the password, which is then cut there. If no "
    "cell holds {delimiter}, delete what comes after the last column; otherwise put the "
    "password in double quotes in the file (a double quote inside it written twice: \"\"). "
    "Then import the file again.":
        "Cette ligne a {cells} cellules là où la première ligne en a {columns}, celles en trop "
        "vides : soit la ligne finit par {delimiter} de trop, soit une de ses cellules contient "
        "{delimiter}, le séparateur du fichier, sans guillemets, sans doute le mot de passe, qui "
        "est alors coupé à cet endroit. Si aucune cellule n'en contient, supprimez ce qui suit "
        "la dernière colonne ; sinon mettez le mot de passe entre guillemets droits dans le "
        "fichier (un guillemet droit à l'intérieur s'écrit deux fois : \"\"). Puis importez de "
        "nouveau le fichier.",
    "a comma": "une virgule",
    "a semicolon": "un point-virgule",
    "a tab": "une tabulation",
    "Another cell of this row holds its password or 2FA secret: are the columns named in the "
    "right order?":
        "Une autre cellule de cette ligne contient son mot de passe ou son secret 2FA : les "
        "colonnes sont-elles nommées dans le bon ordre ?",
    "@{handle} is on row {row} of this file already.":
        "@{handle} est déjà à la ligne {row} de ce fichier.",
    "The password is empty. An account without one (it signs in with Google or "
    "Apple) is added with “Add account” (or consentinel account add).":
        "Le mot de passe est vide. Un compte qui n'en a pas (il se connecte avec Google ou "
        "Apple) s'ajoute avec « Ajouter un compte » (ou consentinel account add).",
    "Accounts imported: {imported}, skipped: {skipped}.": (
        "Comptes importés : {imported}, ignorés : {skipped}."
    ),
    "The file holds passwords in clear: delete it (and empty the trash) now that they are in "
    "the keyring.":
        "Le fichier contient des mots de passe en clair : supprimez-le (et videz la corbeille) "
        "maintenant qu'ils sont dans le trousseau.",
    "@{handle} is not one of your accounts.": "@{handle} ne fait pas partie de vos comptes.",
    "{path} is being changed by another Consentinel process, which has not finished after "
    "{seconds} seconds: nothing was changed. Try again.":
        "{path} est en cours de modification par un autre processus de Consentinel, qui n'a "
        "pas fini au bout de {seconds} secondes : rien n'a été modifié. Réessayez.",
    "A 2FA link must start with otpauth://totp/; this one does not.":
        "Un lien 2FA doit commencer par otpauth://totp/ ; ce n'est pas le cas de celui-ci.",
    "Accounts checked at once must be between 1 and 10, not {value}.":
        "Le nombre de comptes vérifiés en même temps doit être entre 1 et 10, pas {value}.",
    "This is an X page, not an account: paste the account's profile address or its @name.":
        "Ceci est une page de X, pas un compte : collez l'adresse du profil du compte ou son "
        "@nom.",
    "An X handle cannot be empty.": "Un identifiant X ne peut pas être vide.",
    "An X handle has at most 15 characters; {handle} has {n}.":
        "Un identifiant X a au plus 15 caractères ; {handle} en a {n}.",
    "An X handle only has letters A to Z (no accents), digits and _; {handle} does not "
    "look like one.":
        "Un identifiant X n'a que des lettres de A à Z (sans accents), des chiffres et des _ ; "
        "{handle} n'en est pas un.",
    "Could not save {path}: {cause}.": "Impossible d'enregistrer {path} : {cause}.",
    "Could not set {path} aside: {cause}.": "Impossible de mettre {path} de côté : {cause}.",
    "Could not open the journal {path}: {cause}.":
        "Impossible d'ouvrir le journal {path} : {cause}.",
    "No system keyring is available ({keyrings}), and Consentinel never keeps passwords in "
    "plain files. {step} Then try again.":
        "Aucun trousseau système n'est disponible ({keyrings}), et Consentinel ne garde jamais "
        "de mots de passe dans des fichiers en clair. {step} Puis réessayez.",
    "GNOME Keyring or KWallet, through the Secret Service":
        "GNOME Keyring ou KWallet, via le Secret Service",
    "macOS Keychain": "trousseau macOS",
    "Windows Credential Manager": "Gestionnaire d'identification Windows",
    "Check that {keyrings} is set up for your user.":
        "Vérifiez que le {keyrings} est configuré pour votre utilisateur.",
    "On Linux, log in to a desktop session that runs GNOME Keyring or KWallet "
    "(Debian/Ubuntu: sudo apt install gnome-keyring).":
        "Sous Linux, ouvrez une session de bureau qui lance GNOME Keyring ou KWallet "
        "(Debian/Ubuntu : sudo apt install gnome-keyring).",
    "The 2FA secret is empty.": "Le secret 2FA est vide.",
    "The X address must look like https://x.com, not {value}.":
        "L'adresse de X doit ressembler à https://x.com, pas à {value}.",
    "The variable {name} must be an address like https://x.com, not {value}: correct it, or "
    "unset it to use x.com.":
        "La variable {name} doit être une adresse comme https://x.com, pas {value} : "
        "corrigez-la, ou supprimez-la pour utiliser x.com.",
    "The setting x_origin in {file} names {value}, which is neither X (https://x.com) nor an "
    "address on this computer (such as http://127.0.0.1:8765): the saved passwords and 2FA "
    "codes would be sent there. Correct it, or remove it to use x.com.":
        "Le paramètre x_origin de {file} indique {value}, qui n'est ni X (https://x.com) ni une "
        "adresse de cet ordinateur (comme http://127.0.0.1:8765) : les mots de passe et codes "
        "2FA enregistrés y seraient envoyés. Corrigez-le, ou retirez-le pour utiliser x.com.",
    "the settings file": "le fichier des paramètres",
    "The variable {name} names {value}, which is neither X (https://x.com) nor an address on "
    "this computer (such as http://127.0.0.1:8765): the saved passwords and 2FA codes would be "
    "sent there. Correct it, or unset it to use x.com.":
        "La variable {name} indique {value}, qui n'est ni X (https://x.com) ni une adresse de "
        "cet ordinateur (comme http://127.0.0.1:8765) : les mots de passe et codes 2FA "
        "enregistrés y seraient envoyés. Corrigez-la, ou supprimez-la pour utiliser x.com.",
    "the setting x_origin": "le paramètre x_origin",
    "the variable {name}": "la variable {name}",
    "Checking against {origin}, not X ({source}).":
        "Vérification auprès de {origin} et non de X ({source}).",
    "The accounts file could not be read; it was moved to {moved} and the account list starts "
    "empty.":
        "Le fichier des comptes est illisible ; il a été déplacé vers {moved} et la liste des "
        "comptes repart de zéro.",
    "The accounts file {path} could not be read; it was left as it is (the app, or "
    "a command that changes something, sets it aside and starts an empty list when "
    "it next opens it).":
        "Le fichier des comptes {path} est illisible ; il a été laissé tel quel (l'application, "
        "ou une commande qui change quelque chose, le met de côté et repart d'une liste vide la "
        "prochaine fois qu'elle l'ouvre).",
    "The accounts file {path} was written by a newer Consentinel, which alone can "
    "read it; it was left as it is (the app, or a command that changes something, "
    "sets it aside and starts an empty list when it next opens it).":
        "Le fichier des comptes {path} vient d'une version plus récente de Consentinel, seule à "
        "pouvoir le lire ; il a été laissé tel quel (l'application, ou une commande qui change "
        "quelque chose, le met de côté et repart d'une liste vide la prochaine fois qu'elle "
        "l'ouvre).",
    "The accounts file was written by a newer Consentinel; it was moved to {moved} and the "
    "account list starts empty.":
        "Le fichier des comptes vient d'une version plus récente de Consentinel ; il a été "
        "déplacé vers {moved} et la liste des comptes repart de zéro.",
    "Their passwords and 2FA secrets are still in the keyring, and the journal knows which "
    "accounts they were: “Add back” on the window's first screen, or `consentinel account "
    "restore`, adds them back.":
        "Leurs mots de passe et secrets 2FA sont toujours dans le trousseau, et le journal sait "
        "quels comptes c'étaient : « Rajouter » sur le premier écran de la fenêtre, ou "
        "`consentinel account restore`, les rajoute.",
    # -- accounts added back from the journal (core/account_recovery.py)
    "the accounts file was a newer Consentinel's; set aside as {name}, and the list started "
    "empty":
        "le fichier des comptes venait d'une version plus récente de Consentinel ; mis de côté "
        "sous le nom {name}, et la liste est repartie de zéro",
    "the accounts file could not be read; set aside as {name}, and the list started empty":
        "le fichier des comptes était illisible ; mis de côté sous le nom {name}, et la liste "
        "est repartie de zéro",
    "added back from the journal": "rajouté d'après le journal",
    "listed when this journal began": "dans la liste quand ce journal a commencé",
    "The journal {path} is no longer there (deleted or replaced while Consentinel was open): "
    "nothing was set aside.": "Le journal {path} n'est plus là (supprimé ou remplacé pendant que "
    "Consentinel était ouvert) : rien n'a été mis de côté.",
    "the journal before it was deleted while Consentinel was open; the record of its last "
    "entry is kept as {name}": "le journal d'avant a été supprimé pendant que Consentinel était "
    "ouvert ; la trace de sa dernière entrée est gardée sous le nom {name}",
    "The back-off must be between 1 and 168 hours, not {value}.":
        "La pause doit durer entre 1 et 168 heures, pas {value}.",
    "The browser path must be a file path, or empty for automatic.":
        "Le chemin du navigateur doit être un chemin de fichier, ou vide pour le choix "
        "automatique.",
    "The journal could not be read; it was moved to {moved} and a new one was started.":
        "Le journal est illisible ; il a été déplacé vers {moved} et un nouveau a été commencé.",
    "The journal is busy or cannot be written: {cause}.":
        "Le journal est occupé ou ne peut pas être écrit : {cause}.",
    "The journal was written by a newer Consentinel; it was moved to {moved} and a new one was "
    "started.":
        "Le journal vient d'une version plus récente de Consentinel ; il a été déplacé vers "
        "{moved} et un nouveau a été commencé.",
    "The keyring ({label}) cannot be reached: it is not running, or does not answer. "
    "Consentinel never keeps passwords in plain files: start or unlock your keyring, then "
    "try again.":
        "Le trousseau ({label}) est injoignable : il n'est pas lancé, ou ne répond pas. "
        "Consentinel ne garde jamais de mots de passe dans des fichiers en clair : démarrez "
        "ou déverrouillez votre trousseau, puis réessayez.",
    "The keyring ({label}) failed while saving a secret: it was not saved.":
        "Le trousseau ({label}) a échoué en enregistrant un secret : il n'a pas été enregistré.",
    "The keyring ({label}) failed while deleting a secret: it may still be there.":
        "Le trousseau ({label}) a échoué en supprimant un secret : il y est peut-être encore.",
    "The keyring ({label}) failed while reading Consentinel's secrets.":
        "Le trousseau ({label}) a échoué en lisant les secrets de Consentinel.",
    "Open your keyring's app, check that the keyring is there and unlocked, then try again; "
    "if it fails again, the log file says what the keyring answered.":
        "Ouvrez l'application de votre trousseau, vérifiez que le trousseau est là et "
        "déverrouillé, puis réessayez ; s'il échoue encore, le fichier journal technique dit "
        "ce que le trousseau a répondu.",
    "The keyring ({label}) is locked. Unlock it: until then, saving a password or a check asks "
    "you for its password.":
        "Le trousseau ({label}) est verrouillé. Déverrouillez-le : d'ici là, enregistrer "
        "un mot de passe ou une vérification vous demande son mot de passe.",
    "The keyring ({label}) is locked, or its unlock prompt was dismissed. Unlock it, then try "
    "again.":
        "Le trousseau ({label}) est verrouillé, ou sa demande de déverrouillage a été fermée. "
        "Déverrouillez-le, puis réessayez.",
    "To unlock it: in Passwords and Keys (Seahorse), select the “Login” keyring and choose "
    "Unlock, with your login password (logging in to the desktop again unlocks it too); with "
    "KeePassXC, unlock its database.":
        "Pour le déverrouiller : dans Mots de passe et clés (Seahorse), sélectionnez le trousseau "
        "« Connexion » et choisissez Déverrouiller, avec votre mot de passe de session (vous "
        "reconnecter au bureau le déverrouille aussi) ; avec KeePassXC, déverrouillez sa base "
        "de données.",
    "To unlock it: open the wallet in KDE Wallet Manager (KWalletManager).":
        "Pour le déverrouiller : ouvrez le portefeuille dans le gestionnaire de portefeuilles "
        "KDE (KWalletManager).",
    "To unlock it: in Keychain Access, select the “login” keychain and choose File › Unlock "
    "Keychain.":
        "Pour le déverrouiller : dans Trousseau d'accès, sélectionnez le trousseau « session » "
        "et choisissez Fichier › Déverrouiller le trousseau.",
    "The keyring {label} keeps secrets in a plain file, so Consentinel refuses to use it. Use "
    "{keyrings}.":
        "Le trousseau {label} garde les secrets dans un fichier en clair : Consentinel refuse de "
        "l'utiliser. Utilisez {keyrings}.",
    "The language must be one of {choices}, not {value}.":
        "La langue doit être l'une de {choices}, pas {value}.",
    "The schedule must be one of {choices}, not {value}.":
        "La fréquence doit être l'une de {choices}, pas {value}.",
    "The setting {name} must be true or false.": "Le paramètre {name} doit être vrai ou faux.",
    "The settings file could not be read; it was moved to {moved} and the defaults are used.":
        "Le fichier des paramètres est illisible ; il a été déplacé vers {moved} et les paramètres "
        "par défaut sont utilisés.",
    "The settings file {path} could not be read, so the defaults are used; it was left "
    "as it is (the app, or a command that changes something, sets it aside when it "
    "next opens it).":
        "Le fichier des paramètres {path} est illisible, les paramètres par défaut sont donc "
        "utilisés ; il a été laissé tel quel (l'application, ou une commande qui change quelque "
        "chose, le met de côté la prochaine fois qu'elle l'ouvre).",
    "The settings file {path} was written by a newer Consentinel, so the defaults are "
    "used; it was left as it is (the app, or a command that changes something, sets it "
    "aside when it next opens it).":
        "Le fichier des paramètres {path} vient d'une version plus récente de Consentinel, les "
        "paramètres par défaut sont donc utilisés ; il a été laissé tel quel (l'application, ou "
        "une commande qui change quelque chose, le met de côté la prochaine fois qu'elle "
        "l'ouvre).",
    "The settings file was written by a newer Consentinel; it was moved to {moved} and the "
    "defaults are used.":
        "Le fichier des paramètres vient d'une version plus récente de Consentinel ; il a été "
        "déplacé vers {moved} et les paramètres par défaut sont utilisés.",
    "This 2FA link asks for {digits}-digit codes; only 6 or 8 are supported.":
        "Ce lien 2FA demande des codes à {digits} chiffres ; seuls 6 ou 8 sont possibles.",
    "This 2FA link has a digits or period that is not a number.":
        "Ce lien 2FA a un nombre de chiffres ou une période qui n'est pas un nombre.",
    "This 2FA link has a period of {period} seconds; it should be between 10 and 300.":
        "Ce lien 2FA a une période de {period} secondes ; elle doit être entre 10 et 300.",
    "This 2FA link has no secret in it.": "Ce lien 2FA ne contient pas de clé.",
    "This 2FA link is not for time-based codes (otpauth://totp/), which X uses.":
        "Ce lien 2FA n'est pas pour des codes temporels (otpauth://totp/), ceux qu'utilise X.",
    "This 2FA link uses the {algorithm} algorithm, which is not supported (SHA1, SHA256 or "
    "SHA512).":
        "Ce lien 2FA utilise l'algorithme {algorithm}, qui n'est pas pris en charge (SHA1, "
        "SHA256 ou SHA512).",
    "This 2FA secret is not valid: it should only have the letters A to Z and the digits 2 to "
    "7.":
        "Ce secret 2FA n'est pas valide : il ne doit contenir que les lettres A à Z et les "
        "chiffres 2 à 7.",
    "This 2FA secret is too short: X gives 16 or 32 characters, letters A to Z and digits 2 "
    "to 7.":
        "Ce secret 2FA est trop court : X en donne de 16 ou 32 caractères, lettres A à\u00a0Z "
        "et chiffres 2 à\u00a07.",
    "Unknown box {name}: use {boxes}, or all; '' for training alone (always off).":
        "Case inconnue {name} : utilisez {boxes}, ou toutes ; '' pour l'entraînement seul "
        "(toujours décoché).",
    "confirmed": "confirmée",  # (the box: « case … : cochée → décochée (confirmée) »)
    "entry {id} does not follow the one before it (an entry was deleted, moved or edited).":
        "l'entrée {id} ne suit pas la précédente (une entrée a été supprimée, déplacée ou "
        "modifiée).",
    "entry {id} was edited.": "l'entrée {id} a été modifiée.",
    "{problem}; {more} more problems were found.":
        "{problem} ; {more} autres problèmes ont été trouvés.",
    "X refused the two-factor codes typed at this sign-in, and another wrong code may get X "
    "to lock the account: wait for your authenticator app to show a new code before you run "
    "`consentinel login {handle}`, or save the account's 2FA secret with `consentinel account "
    "set-totp {handle}` so that checks make the code themselves.":
        "X a refusé les codes de double authentification saisis à cette connexion, et un code "
        "faux de plus pourrait amener X à verrouiller le compte : attendez que votre "
        "application d'authentification affiche un nouveau code avant de lancer `consentinel "
        "login {handle}`, ou enregistrez le secret 2FA du compte avec `consentinel account "
        "set-totp {handle}` pour que les vérifications produisent le code elles-mêmes.",
    "X failed when it was sent the saved password (it said something went wrong): that does "
    "not mean the password is wrong, so it is kept, and the next check signs in with it again. "
    "Try again later.":
        "X a échoué quand le mot de passe enregistré lui a été envoyé (il a signalé une "
        "erreur) : cela ne veut pas dire que le mot de passe est faux, il est donc gardé, et "
        "la prochaine vérification se connecte de nouveau avec lui. Réessayez plus tard.",
    "X failed when it was sent the code made from the saved 2FA secret (it said something "
    "went wrong): that does not mean the secret is wrong, so it is kept, and the next check "
    "uses it again. Try again later.":
        "X a échoué quand le code produit par le secret 2FA enregistré lui a été envoyé (il a "
        "signalé une erreur) : cela ne veut pas dire que le secret est faux, il est donc "
        "gardé, et la prochaine vérification s'en sert de nouveau. Réessayez plus tard.",
    "X did not take the code made from the saved 2FA secret, without saying it was wrong: "
    "run `consentinel login {handle}` to sign in yourself; checks will use the secret again "
    "after that.":
        "X n'a pas accepté le code produit par le secret 2FA enregistré, sans dire qu'il était "
        "faux : lancez `consentinel login {handle}` pour vous connecter vous-même ; les "
        "vérifications utiliseront de nouveau le secret ensuite.",
    "X refused the code made from the saved 2FA secret, and Consentinel makes no code from it "
    "again. X answers so to a wrong code, but also when it holds sign-ins back for a while, so "
    "the secret may be right. If it is this account's and this computer's clock is right, put "
    "it back with `consentinel account set-totp {handle} --use-again` (a few hours from now, "
    "in case X was holding sign-ins back); else save the right one with `consentinel account "
    "set-totp {handle}`. Or run `consentinel login {handle}` to sign in yourself.":
        "X a refusé le code produit par le secret 2FA enregistré, et Consentinel n'en produit "
        "plus aucun. X répond ainsi à un code faux, mais aussi quand il retient les connexions "
        "pendant un temps : le secret est donc peut-être bon. S'il est bien celui de ce compte "
        "et que l'horloge de cet ordinateur est à l'heure, remettez-le en service avec "
        "`consentinel account set-totp {handle} --use-again` (dans quelques heures, au cas où X "
        "retenait les connexions) ; sinon, enregistrez le bon avec `consentinel account "
        "set-totp {handle}`. Ou lancez `consentinel login {handle}` pour vous connecter vous-même.",
    "X keeps {box} on without showing it on its page to this account: it cannot be switched "
    "off for now. Consentinel will switch it off as soon as X shows it.":
        "X garde la case {box} cochée sans l'afficher sur sa page pour ce compte : elle ne peut "
        "pas être décochée pour l'instant. Consentinel la décochera dès que X l'affichera.",
    "X keeps {boxes} on without showing them on its page to this account: they cannot be "
    "switched off for now. Consentinel will switch them off as soon as X shows them.":
        "X garde les cases {boxes} cochées sans les afficher sur sa page pour ce compte : elles "
        "ne peuvent pas être décochées pour l'instant. Consentinel les décochera dès que X les "
        "affichera.",
    "X did not take the saved password (it said: “{detail}”); it will not be tried again until "
    "you run `consentinel account set-password {handle}`.":
        "X n'a pas accepté le mot de passe enregistré (il a répondu : « {detail} ») ; il ne sera "
        "plus essayé avant que vous lanciez `consentinel account set-password {handle}`.",
    "{problem}; one more problem was found.": "{problem} ; un autre problème a été trouvé.",
    "The keyring did not answer within {seconds} seconds: it is probably locked and waiting "
    "for its password. Unlock it (or open Consentinel), then check again.":
        "Le trousseau n'a pas répondu en {seconds} secondes : il est sans doute verrouillé et "
        "attend son mot de passe. Déverrouillez-le (ou ouvrez Consentinel), puis vérifiez à "
        "nouveau.",
    "the screenshot of entry {id} ({name}) is missing.":
        "la capture d'écran de l'entrée {id} ({name}) est introuvable.",
    "the screenshot of entry {id} ({name}) cannot be read: {cause}.":
        "la capture d'écran de l'entrée {id} ({name}) ne peut pas être lue : {cause}.",
    "the screenshot of entry {id} ({name}) was changed after it was taken.":
        "la capture d'écran de l'entrée {id} ({name}) a été modifiée après avoir été prise.",
    "the demo's in-memory keyring": "le trousseau en mémoire de la démo",
    "no keyring": "aucun trousseau",
    "permission denied (is the folder read-only?)":
        "permission refusée (le dossier est-il en lecture seule ?)",
    "reverted by X": "réactivée par X",  # (the box: « case … (confirmée, réactivée par X) »)
    "the disk is full": "le disque est plein",
    "the disk is read-only": "le disque est en lecture seule",
    "the disk quota is exceeded": "le quota disque est dépassé",
    "the file {name} next to the journal is damaged.":
        "le fichier {name} à côté du journal est abîmé.",
    "the file {name} next to the journal is missing.":
        "le fichier {name} à côté du journal a disparu.",
    "the folder does not exist": "le dossier n'existe pas",
    "automatic checks paused": "vérifications automatiques en pause",
    "The settings file has a value that cannot be used, so its default is used instead. "
    "{problems}": (
        "Le fichier des paramètres contient une valeur inutilisable ; sa valeur par défaut est "
        "utilisée à la place. {problems}"
    ),
    "The screenshot could not be kept: {problem} The check of this account stopped there; "
    "the journal has what was done before.": (
        "La capture d'écran n'a pas pu être conservée : {problem} La vérification de ce compte "
        "s'est arrêtée là ; le journal contient ce qui a été fait avant."
    ),
    "{problem} The check of this account stopped there; the journal has what was done "
    "before.": (
        "{problem} La vérification de ce compte s'est arrêtée là ; le journal contient ce qui "
        "a été fait avant."
    ),
    "Stopped while unticking {box}: X may have switched it off; the next check reads it "
    "again.": (
        "Arrêté en décochant {box} : X l'a peut-être désactivée ; la prochaine vérification "
        "la relit."
    ),
    "To check while Consentinel is closed here, have cron run it: "
    "consentinel schedule install prints the line to add.": (
        "Pour vérifier ici même quand Consentinel est fermé, confiez-le à cron : "
        "consentinel schedule install affiche la ligne à ajouter."
    ),
    "Automatic checks are paused in Consentinel: consentinel schedule resume, "
    "or its Checks menu or tray menu, resumes them.": (
        "Les vérifications automatiques sont en pause dans Consentinel : consentinel schedule "
        "resume, ou son menu Vérifications ou celui de son icône dans la zone de notification, "
        "les reprend."
    ),
    "Automatic checks are paused in Consentinel; this scheduled check is skipped.": (
        "Les vérifications automatiques sont en pause dans Consentinel ; cette vérification "
        "planifiée n'a pas lieu."
    ),
    "that folder does not take new files": "ce dossier n'accepte pas de nouveaux fichiers",
    "a part of the path is a file, not a folder":
        "une partie du chemin est un fichier, pas un dossier",
    "a folder has that name": "un dossier porte ce nom",
    "the name is too long": "le nom est trop long",
    "the journal has {count} entries but its head says {expected}: entries were removed from "
    "the end.":
        "le journal a {count} entrées mais son en-tête en annonce {expected} : des entrées ont "
        "été retirées à la fin.",
    "the journal has {count} entries but its head says {expected}: entries were removed "
    "before its last one.":
        "le journal a {count} entrées mais son en-tête en annonce {expected} : des entrées ont "
        "été retirées avant la dernière.",
    "the journal has {count} entries but its head says {expected}: entries were added before "
    "its last one.":
        "le journal a {count} entrées mais son en-tête en annonce {expected} : des entrées ont "
        "été ajoutées avant la dernière.",
    "the journal's last entry is not the one its head names: its end was changed or added to.":
        "la dernière entrée du journal n'est pas celle que nomme son en-tête : sa fin a été "
        "modifiée ou complétée.",
    "the journal's head, which counts its entries, is missing.":
        "l'en-tête du journal, qui compte ses entrées, manque.",
    "the journal has {count} entries but {name} says {expected}: the journal was truncated or "
    "replaced.":
        "le journal a {count} entrées mais {name} en annonce {expected} : le journal a été "
        "tronqué ou remplacé.",
    "{value} is not a phone number (like +33 6 12 34 56 78).":
        "{value} n'est pas un numéro de téléphone (comme +33 6 12 34 56 78).",
    "'{text}'": "« {text} »",  # what the person typed, quoted in a message
    "{value} is not an email address (like name@example.com).":
        "{value} n'est pas une adresse e-mail (comme nom@exemple.fr).",
    # -- the desktop app (gui/launch.py)
    "Consentinel cannot write its log file in {path} ({cause}); this time it logs to the "
    "terminal only.":
        "Consentinel ne peut pas écrire son fichier de log dans {path} ({cause}) ; cette "
        "fois, ses messages vont seulement au terminal.",
    "Consentinel's window needs a graphical desktop, and none was found (no DISPLAY or "
    "WAYLAND_DISPLAY). Use the command line instead: consentinel --help":
        "La fenêtre de Consentinel a besoin d'un bureau graphique, et aucun n'a été trouvé (ni "
        "DISPLAY ni WAYLAND_DISPLAY). Utilisez plutôt la ligne de commande : consentinel --help",
    # -- the desktop app's launcher (gui/launch.py)
    # -- the app found open but not answering (gui/stuck_app.py)
    "Consentinel is already open ({process}) but is not responding.":
        "Consentinel est déjà ouvert ({process}) mais ne répond pas.",
    "End it to open Consentinel here.": "Arrêtez-le pour ouvrir Consentinel ici.",
    "End it to open Consentinel here: a check it was running stops where it is, and the next "
    "check finishes it.":
        "Arrêtez-le pour ouvrir Consentinel ici : une vérification en cours s'arrête là où elle "
        "en est, et la suivante la termine.",
    "If its window does not appear, end that process, then start Consentinel again.":
        "Si sa fenêtre n'apparaît pas, arrêtez ce processus, puis relancez Consentinel.",
    "End it and open Consentinel": "L'arrêter et ouvrir Consentinel",
    "Consentinel ({process}) did not close when asked. Force it to end? A check it was running "
    "stops where it is, and the next check finishes it.":
        "Consentinel ({process}) ne s'est pas fermé à la demande. Le forcer à s'arrêter ? Une "
        "vérification en cours s'arrête là où elle en est, et la suivante la termine.",
    "Force it to end": "Le forcer à s'arrêter",
    "process {pid}": "processus {pid}",
    # -- a launch waiting for the app to close (gui/closing_wait.py)
    "Consentinel is still closing: a check it was running stops at a safe point first. It "
    "opens again as soon as it has closed.":
        "Consentinel est encore en train de se fermer : la vérification qu'il faisait s'arrête "
        "d'abord à un point sûr. Il s'ouvrira de nouveau dès qu'il sera fermé.",
    "Do not open": "Ne pas ouvrir",
    "another process": "un autre processus",
    "Could not create the data folder {path}: {cause}.":
        "Impossible de créer le dossier de données {path} : {cause}.",
    "This 2FA link (otpauth://) is not valid.": "Ce lien 2FA (otpauth://) n'est pas valide.",
    "This is a one-time code from your authenticator app, not the 2FA secret: leave the 2FA "
    "secret empty, and Consentinel asks you for the app's code when X asks for one.":
        "Ceci est un code à usage unique de votre application d'authentification, pas le "
        "secret 2FA : laissez le secret 2FA vide, et Consentinel vous demandera le code de "
        "l'application quand X en demandera un.",
    "A Google Authenticator export link (otpauth-migration://) cannot be used: leave the 2FA "
    "secret empty, or paste the setup key X showed when two-factor authentication was turned "
    "on.":
        "Un lien d'exportation de Google Authenticator (otpauth-migration://) ne peut pas être "
        "utilisé : laissez le secret 2FA vide, ou collez la clé de configuration que X a "
        "affichée à l'activation de la double authentification.",
    # -- the browser did not start, no screen for a window (core/check_messages.py)
    "The browser {path} did not start ({detail}). Run `consentinel doctor`, choose another "
    "browser in the settings, or run `consentinel browser install`.":
        "Le navigateur {path} n'a pas démarré ({detail}). Lancez `consentinel doctor`, "
        "choisissez un autre navigateur dans les paramètres, ou lancez "
        "`consentinel browser install`.",
    "it did not open within {seconds} seconds; Consentinel needs Chromium, Google Chrome or "
    "Microsoft Edge":
        "il ne s'est pas ouvert en {seconds} secondes ; Consentinel a besoin de Chromium, "
        "Google Chrome ou Microsoft Edge",
    "it said: “{said}”": "il a répondu : « {said} »",
    "it closed as it started": "il s'est fermé dès son démarrage",
    "it could not be started (missing, or not allowed to run)":
        "il n'a pas pu être lancé (absent, ou pas autorisé à s'exécuter)",
    "The browser {path} (named by {source}) is Firefox, and Consentinel needs Chromium, "
    "Google Chrome or Microsoft Edge: name one of them there, or remove that setting so "
    "that Consentinel finds one. Run `consentinel doctor` to see which it would find.":
        "Le navigateur {path} (indiqué par {source}) est Firefox, et Consentinel a besoin de "
        "Chromium, Google Chrome ou Microsoft Edge : indiquez-en un à la place, ou retirez ce "
        "paramètre pour que Consentinel en trouve un. Lancez `consentinel doctor` pour voir "
        "lequel il trouverait.",
    "The browser {path} (named by {source}) did not say which browser it is (it "
    "answered “{said}”), and Consentinel can use only Chromium, Google Chrome or "
    "Microsoft Edge: name one of them there, or remove that setting so that Consentinel "
    "finds one. Run `consentinel doctor` to see which it would find.":
        "Le navigateur {path} (indiqué par {source}) n'a pas dit quel navigateur il est (il a "
        "répondu « {said} »), et Consentinel ne peut utiliser que Chromium, Google Chrome ou "
        "Microsoft Edge : indiquez-en un à la place, ou retirez ce paramètre pour que "
        "Consentinel en trouve un. Lancez `consentinel doctor` pour voir lequel il trouverait.",
    "The browser {path} (named by {source}) did not say which browser it is, and "
    "Consentinel can use only Chromium, Google Chrome or Microsoft Edge: name one of them "
    "there, or remove that setting so that Consentinel finds one. Run `consentinel doctor` to "
    "see which it would find.":
        "Le navigateur {path} (indiqué par {source}) n'a pas dit quel navigateur il est, et "
        "Consentinel ne peut utiliser que Chromium, Google Chrome ou Microsoft Edge : "
        "indiquez-en un à la place, ou retirez ce paramètre pour que Consentinel en trouve un. "
        "Lancez `consentinel doctor` pour voir lequel il trouverait.",
    "The browser {path} (named by {source}) is not Chromium, Google Chrome or Microsoft "
    "Edge, the only browsers Consentinel can use: name one of them there, or remove that "
    "setting so that Consentinel finds one. Run `consentinel doctor` to see which it would "
    "find.":
        "Le navigateur {path} (indiqué par {source}) n'est ni Chromium, ni Google Chrome, ni "
        "Microsoft Edge, les seuls navigateurs que Consentinel peut utiliser : indiquez-en un "
        "à la place, ou retirez ce paramètre pour que Consentinel en trouve un. Lancez "
        "`consentinel doctor` pour voir lequel il trouverait.",
    "The browser {path} (named by {source}) is not Chromium, Google Chrome or Microsoft "
    "Edge (it says “{said}”), the only browsers Consentinel can use: name one of them there, "
    "or remove that setting so that Consentinel finds one. Run `consentinel doctor` to see "
    "which it would find.":
        "Le navigateur {path} (indiqué par {source}) n'est ni Chromium, ni Google Chrome, ni "
        "Microsoft Edge (il répond « {said} »), les seuls navigateurs que Consentinel peut "
        "utiliser : indiquez-en un à la place, ou retirez ce paramètre pour que Consentinel "
        "en trouve un. Lancez `consentinel doctor` pour voir lequel il trouverait.",
    "Signing in by hand needs a browser window, and no graphical desktop was found (no "
    "DISPLAY or WAYLAND_DISPLAY). Run this from a desktop session.":
        "Se connecter à la main demande une fenêtre de navigateur, et aucun bureau graphique n'a "
        "été trouvé (ni DISPLAY ni WAYLAND_DISPLAY). Lancez ceci depuis une session de bureau.",
    "X shows a captcha: run `consentinel login {handle}` from a desktop session and solve it "
    "in its window (none was found here: no DISPLAY or WAYLAND_DISPLAY).":
        "X affiche un captcha : lancez `consentinel login {handle}` depuis une session de bureau "
        "et résolvez-le dans sa fenêtre (aucune n'a été trouvée ici : ni DISPLAY ni "
        "WAYLAND_DISPLAY).",
    "X locked the account until you verify it: sign in on x.com, then run `consentinel login "
    "{handle}` from a desktop session (none was found here: no DISPLAY or WAYLAND_DISPLAY).":
        "X a verrouillé le compte jusqu'à ce que vous le vérifiiez : connectez-vous sur x.com, "
        "puis lancez `consentinel login {handle}` depuis une session de bureau (aucune n'a été "
        "trouvée ici : ni DISPLAY ni WAYLAND_DISPLAY).",
    "No window was offered to finish signing in: no graphical desktop was found (no "
    "DISPLAY or WAYLAND_DISPLAY). Run `consentinel login {handle}` from a desktop session.":
        "Aucune fenêtre n'a été proposée pour terminer la connexion : aucun bureau graphique n'a "
        "été trouvé (ni DISPLAY ni WAYLAND_DISPLAY). Lancez `consentinel login {handle}` depuis "
        "une session de bureau.",
    # -- why the doctor's request to X got no answer (core/doctor.py)
    "its name could not be looked up: no network, or no DNS":
        "son nom n'a pas pu être résolu : pas de réseau, ou pas de DNS",
    # ("the connection was refused" and "no answer in time": with Chromium's, below)
    # -- the doctor's screen line (core/doctor.py)
    "Screen": "Écran",
    "this computer's desktop": "le bureau de cet ordinateur",
    "none here (no DISPLAY or WAYLAND_DISPLAY)": "aucun ici (ni DISPLAY ni WAYLAND_DISPLAY)",
    'Checks run without a window; the app and the command "consentinel login" need a '
    "desktop session.":
        "Les vérifications se passent de fenêtre ; l'application et la commande « consentinel "
        "login » demandent une session de bureau.",
    # -- the doctor's menu entry and start at login line (core/doctor.py)
    "Menu and login": "Menu et démarrage",
    "Menu entry": "Entrée de menu",
    "Start at login": "Démarrage à l'ouverture de session",
    "No menu entry of its own, and no start at login.":
        "Pas d'entrée de menu à lui, ni de démarrage à l'ouverture de session.",
    "{what}: {program}.": "{what} : {program}.",
    "{what}: {program}, which is not there any more.":
        "{what} : {program}, qui n'est plus là.",
    "Consentinel was moved or removed, and the desktop hides what starts it from the old "
    "place. Open Consentinel and save its settings: that points them at it (the menu entry "
    "also with: consentinel desktop-entry install).":
        "Consentinel a été déplacé ou supprimé, et le bureau masque ce qui le lance depuis "
        "l'ancien emplacement. Ouvrez Consentinel et enregistrez ses paramètres : ils "
        "pointeront vers lui (l'entrée de menu aussi avec : consentinel desktop-entry "
        "install).",
    # -- the doctor's browser sandbox line (core/doctor.py)
    "Browser sandbox": "Bac à sable",
    "no browser to try it with": "aucun navigateur avec lequel l'essayer",
    "off: Consentinel runs as root, and Chromium cannot sandbox a browser started by root":
        "désactivé : Consentinel s'exécute en tant que root, et Chromium ne peut pas isoler un "
        "navigateur lancé par root",
    "Run Consentinel as your own user: then X's pages are drawn in processes that cannot "
    "reach your files.":
        "Lancez Consentinel avec votre propre compte : les pages de X sont alors affichées par "
        "des processus qui ne peuvent pas atteindre vos fichiers.",
    "on: X's pages cannot reach your files or programs":
        "activé : les pages de X ne peuvent atteindre ni vos fichiers ni vos programmes",
    "not tried: the browser is not Chromium, Google Chrome or Microsoft Edge":
        "pas essayé : le navigateur n'est ni Chromium, ni Google Chrome, ni Microsoft Edge",
    "could not tell: the browser did not start for the test ({said})":
        "impossible à dire : le navigateur n'a pas démarré pour l'essai ({said})",
    "off: it could not start here ({said}); checks run without it":
        "désactivé : il n'a pas pu démarrer ici ({said}) ; les vérifications se font sans lui",
    "A browser your system allows to sandbox itself fixes this: Google Chrome, or your "
    "distribution's Chromium (Debian: sudo apt install chromium; Ubuntu: sudo snap install "
    "chromium), chosen in the settings. Playwright's download is not one of them on Ubuntu "
    "24.04 and later.":
        "Un navigateur que votre système autorise à s'isoler règle cela : Google Chrome, ou le "
        "Chromium de votre distribution (Debian : sudo apt install chromium ; Ubuntu : sudo "
        "snap install chromium), choisi dans les paramètres. Le Chromium téléchargé par "
        "Playwright n'en fait pas partie sous Ubuntu 24.04 et après.",
    # -- Chromium's network errors, in words (x/errors.py)
    "this computer seems to be offline": "cet ordinateur semble hors ligne",
    "X's address could not be found (no internet, or a DNS problem)":
        "l'adresse de X est introuvable (pas d'internet, ou un problème de DNS)",
    "the connection was refused": "la connexion a été refusée",
    "the connection was cut": "la connexion a été coupée",
    "no answer in time": "pas de réponse à temps",
    "the network changed during the check": "le réseau a changé pendant la vérification",
    "the proxy could not be reached": "le proxy est injoignable",
    "the proxy could not reach X": "le proxy n'a pas pu joindre X",
    "the proxy asks for a password, which Consentinel cannot give: ask whoever runs it to let "
    "this computer reach x.com without one, or use a network without that proxy":
        "le proxy demande un mot de passe, que Consentinel ne peut pas donner : demandez à qui "
        "le gère de laisser cet ordinateur joindre x.com sans mot de passe, ou utilisez un "
        "réseau sans ce proxy",
    "X's page came without its script ({why})": "la page de X est arrivée sans son script "
    "({why})",
    "the network sent the browser to {host} instead of X (a Wi-Fi sign-in page?)":
        "le réseau a envoyé le navigateur vers {host} au lieu de X (une page de connexion "
        "Wi-Fi ?)",
    "X's certificate was not accepted (a proxy or an antivirus may be intercepting the "
    "connection)":
        "le certificat de X n'a pas été accepté (un proxy ou un antivirus intercepte peut-être "
        "la connexion)",
    "the network does not let this computer reach X":
        "le réseau ne laisse pas cet ordinateur joindre X",
    "no answer within {seconds} s": "pas de réponse en {seconds} s",
    "boxes kept off: {after} (before: {before})":
        "cases maintenues décochées : {after} (avant : {before})",
    "no box": "aucune case",
    "email address added": "adresse e-mail ajoutée",
    "email address changed": "adresse e-mail modifiée",
    "email address removed": "adresse e-mail retirée",
    "phone number added": "numéro de téléphone ajouté",
    "phone number changed": "numéro de téléphone modifié",
    "phone number removed": "numéro de téléphone retiré",
    "new password saved": "nouveau mot de passe enregistré",
    "new 2FA secret saved": "nouveau secret 2FA enregistré",
    "2FA secret removed": "secret 2FA retiré",
    "saved 2FA secret used again": "secret 2FA enregistré remis en service",
    "{keyring} did not remove the 2FA secret of @{handle}.":
        "{keyring} n'a pas retiré le secret 2FA de @{handle}.",
    "; ": " ; ",
    # -- a sentence's date (core/moments.py): « le 1er déc. 2026 à 19:42 »
    "{day} {month} {year} {time}": "{day} {month} {year} à {time}",
    "1": "1er",
    "Jan": "janv.",
    "Feb": "févr.",
    "Mar": "mars",
    "Apr": "avr.",
    "May": "mai",
    "Jun": "juin",
    "Jul": "juil.",
    "Aug": "août",
    "Sep": "sept.",
    "Oct": "oct.",
    "Nov": "nov.",
    "Dec": "déc.",
    # -- an export's file that is not one (journal_export.export_target)
    "{path} is not a file (a device, a folder, a pipe, or a link to none of them or to "
    "nothing): an export would be written in its place. Choose a file's name.":
        "{path} n'est pas un fichier (un périphérique, un dossier, un tube, ou un lien vers "
        "rien de tout cela ou vers rien) : un export serait écrit à sa place. Choisissez un "
        "nom de fichier.",
    # -- a journal read where it cannot be written (Journal.open_read_only)
    "it is damaged": "il est endommagé",
    "The journal {path} changed while it was being read: another process (a check, "
    "most likely) wrote to it. Nothing was concluded from it; run the command again.":
        "Le journal {path} a changé pendant sa lecture : un autre processus (une vérification, "
        "sans doute) y a écrit. Rien n'en a été conclu ; relancez la commande.",
    "Could not open the journal {path}: a newer version of Consentinel wrote "
    "it, and only such a version can read it.":
        "Impossible d'ouvrir le journal {path} : une version plus récente de Consentinel l'a "
        "écrit, et seule une telle version peut le lire.",
    "Could not open the journal {path}: an older version of Consentinel wrote "
    "it, and it can be read once the app or a check has brought it up to date, "
    "where it can be written.":
        "Impossible d'ouvrir le journal {path} : une version plus ancienne de Consentinel l'a "
        "écrit, et il pourra être lu une fois que l'application ou une vérification l'aura "
        "mis à jour, là où il peut être écrit.",
    # -- a journal rebuilt from a dump whose tables are no version's (core/journal_schema.py)
    "Could not open the journal {path}: it does not say which version of Consentinel "
    "wrote it, and its tables ({tables}) are not those of any version. It was left as "
    "it is: put back the journal it was made from, or move it elsewhere to start a "
    "new one.":
        "Impossible d'ouvrir le journal {path} : il ne dit pas quelle version de Consentinel "
        "l'a écrit, et ses tables ({tables}) ne sont celles d'aucune version. Il a été laissé "
        "tel quel : remettez le journal dont il a été tiré, ou déplacez-le ailleurs pour en "
        "commencer un nouveau.",
    # -- the doctor's schedule line, when the last scheduled check could not read the keyring
    "The last scheduled check ({when}) could not read the keyring.":
        "La dernière vérification planifiée ({when}) n'a pas pu lire le trousseau.",
    "A scheduled check reads the keyring of the session it runs in, so that keyring "
    "must be running and unlocked then: stay logged in, with the keyring unlocked at "
    "login.":
        "Une vérification planifiée lit le trousseau de la session où elle s'exécute : ce "
        "trousseau doit alors être lancé et déverrouillé. Restez connecté, avec le trousseau "
        "déverrouillé à l'ouverture de session.",
    # -- the evidence bundle (core/evidence_bundle.py)
    "another account's screenshot": "capture d'écran d'un autre compte",
    "1 entry": "1 entrée",
    "{count} entries": "{count} entrées",
    "no screenshot": "aucune capture d'écran",
    "1 screenshot": "1 capture d'écran",
    "{count} screenshots": "{count} captures d'écran",
    "every entry of the journal": "toutes les entrées du journal",
    "the entries of @{handle}": "les entrées de @{handle}",
    "the entries chosen by {filters}": "les entrées choisies par {filters}",
    "Consentinel — evidence bundle": "Consentinel — archive de preuves",
    "Written by {app} on {when} (UTC). It holds:":
        "Écrite par {app} le {when} (UTC). Elle contient :",
    "- {json}: the export of Consentinel's journal, {chosen} ({count}). Each entry is chained "
    'to the one before it by a SHA-256 hash; the file says how ("hash_recipe").':
        "- {json} : l'export du journal de Consentinel, {chosen} ({count}). Chaque entrée est "
        'chaînée à la précédente par un hachage SHA-256 ; le fichier dit comment ("hash_recipe").',
    "- {folder}/: the screenshots those entries name ({count}), as they were on the computer "
    "that wrote this bundle. Each PNG says in itself when, of which page and which account it "
    "was taken.":
        "- {folder}/ : les captures d'écran que nomment ces entrées ({count}), telles qu'elles "
        "étaient sur l'ordinateur qui a écrit cette archive. Chaque PNG dit lui-même quand, de "
        "quelle page et de quel compte il a été pris.",
    "- {readme}: this text. No hash covers it: the export and the screenshots are what count.":
        "- {readme} : ce texte. Aucun hachage ne le couvre : ce sont l'export et les captures "
        "d'écran qui font foi.",
    "When this bundle was written, the whole journal verified.":
        "Quand cette archive a été écrite, le journal entier se vérifiait.",
    "When this bundle was written, the journal did not verify: {problem}":
        "Quand cette archive a été écrite, le journal ne se vérifiait pas : {problem}",
    "Screenshots not in this bundle as they were taken:":
        "Captures d'écran qui ne sont pas dans cette archive telles qu'elles ont été prises :",
    "{problem} It is included as found.": "{problem} Elle y est telle qu'elle a été trouvée.",
    "How to check it": "Comment la vérifier",
    "With Consentinel, the bundle as it is:": "Avec Consentinel, l'archive telle quelle :",
    "or, once unzipped, in its folder:": "ou, une fois décompressée, dans son dossier :",
    "Each entry is hashed again and chained, and each screenshot compared with the SHA-256 "
    "its entry holds.":
        "Chaque entrée est hachée et chaînée à nouveau, et chaque capture d'écran comparée au "
        "SHA-256 que porte son entrée.",
    "Without Consentinel: the SHA-256 of each screenshot (sha256sum on Linux, shasum -a 256 on "
    "macOS, Get-FileHash in PowerShell) must be the one its entry holds:":
        "Sans Consentinel : le SHA-256 de chaque capture d'écran (sha256sum sous Linux, shasum "
        "-a 256 sous macOS, Get-FileHash dans PowerShell) doit être celui que porte son entrée :",
    "  entry {id}: {folder}/{name}": "  entrée {id} : {folder}/{name}",
    "(no hash: named by a check, or kept before screenshots were hashed)":
        "(aucun hachage : nommée par une vérification, ou gardée avant que les captures "
        "d'écran soient hachées)",
    "(its entries name no screenshot)": "(ses entrées ne nomment aucune capture d'écran)",
    "it is not a file": "ce n'est pas un fichier",
    "it is too large to be a screenshot": "elle est trop grande pour être une capture d'écran",
    "it is damaged in the bundle": "elle est endommagée dans l'archive de preuves",
    "{member} in {path}": "{member} dans {path}",
    "{path} is not an evidence bundle: it is not a ZIP file Consentinel reads.":
        "{path} n'est pas une archive de preuves : ce n'est pas un fichier ZIP que Consentinel "
        "sait lire.",
    "{path} is not an evidence bundle: it holds no {json}.":
        "{path} n'est pas une archive de preuves : elle ne contient pas de {json}.",
    "{path} is not a journal export: it is too large.":
        "{path} n'est pas un export du journal : il est trop grand.",
    "the bundle holds {names} twice, so that it can be read two ways: it was edited.":
        "l'archive de preuves contient deux fois {names}, si bien qu'elle peut se lire de "
        "deux façons : elle a été modifiée.",
    "the bundle holds {names}, which none of its entries names: it was edited (nothing vouches "
    "for them).":
        "l'archive de preuves contient {names}, qu'aucune de ses entrées ne nomme : elle a "
        "été modifiée (rien ne s'en porte garant).",
    # -- an export's verdict, as `log --check-export` and the journal window say it
    "The export does not check out: {problem}": "L'export ne se vérifie pas : {problem}",
    "The export does not check out: {count} problems.":
        "L'export ne se vérifie pas : {count} problèmes.",
    "  … and {more} more.": "  … et {more} autres.",
    "The export checks out as far as a filtered export can show: each of its entries "
    "({count}) re-hashes by the recipe, and follows the one before it where their ids follow "
    "each other.":
        "L'export se vérifie autant qu'un export filtré le peut : chacune de ses entrées "
        "({count}) se hache à nouveau selon la recette, et suit la précédente là où leurs "
        "numéros se suivent.",
    "The export checks out: it holds no entry, as its head says.":
        "L'export se vérifie : il ne contient aucune entrée, comme le dit sa tête.",
    "The export checks out: its one entry re-hashes by the recipe, starts the journal's chain "
    "and is the head it states.":
        "L'export se vérifie : sa seule entrée se hache à nouveau selon la recette, commence la "
        "chaîne du journal et est la tête qu'il donne.",
    "The export checks out: its {count} entries re-hash by the recipe and are chained from "
    "the journal's first entry to the head it states.":
        "L'export se vérifie : ses {count} entrées se hachent à nouveau selon la recette et "
        "sont chaînées de la première entrée du journal à la tête qu'il donne.",
    # -- a JSON export checked (core/export_check.py)
    "{path} is not a journal export: it is not JSON text.":
        "{path} n'est pas un export du journal : ce n'est pas du texte JSON.",
    '{path} is not a journal export: Consentinel\'s JSON exports say "format": '
    '"{format}" (the CSV export cannot be checked this way).':
        '{path} n\'est pas un export du journal : les exports JSON de Consentinel portent '
        '"format": "{format}" (l\'export CSV ne se vérifie pas ainsi).',
    "{path} is a journal export of version {version}, which this Consentinel cannot read: it "
    "reads versions {known}.":
        "{path} est un export du journal de version {version}, que ce Consentinel ne sait pas "
        "lire : il lit les versions {known}.",
    "the file holds no list of entries: it was edited.":
        "le fichier ne contient aucune liste d'entrées : il a été modifié.",
    "the file's journal head (its count of entries and last hash) is missing or damaged: the "
    "file was edited.":
        "la tête du journal que donne le fichier (son nombre d'entrées et son dernier hachage) "
        "manque ou est abîmée : le fichier a été modifié.",
    "It is a filtered export ({filters}: {count} of the {total} entries its head says the "
    "journal held), so it cannot show that no entry was removed, added or moved between them, "
    "nor that they end at the journal's head.":
        "C'est un export filtré ({filters} : {count} des {total} entrées que le journal "
        "contenait d'après sa tête) : il ne peut pas montrer qu'aucune entrée n'a été supprimée, "
        "ajoutée ou déplacée entre elles, ni qu'elles finissent à la tête du journal.",
    "the file does not say whether it holds every entry, or by what they were chosen: it was "
    "edited (its entries are checked as a filtered export's).":
        "le fichier ne dit pas s'il contient toutes les entrées, ou par quoi elles ont été "
        "choisies : il a été modifié (ses entrées sont vérifiées comme celles d'un export "
        "filtré).",
    "the file says it holds every entry, yet names what they were chosen by: it was edited "
    "(its entries are checked as a filtered export's).":
        "le fichier dit contenir toutes les entrées, mais nomme ce qui les a choisies : il a été "
        "modifié (ses entrées sont vérifiées comme celles d'un export filtré).",
    "the file says its entries were chosen by filters, yet names none: it was edited (its "
    "entries are checked as a complete export's).":
        "le fichier dit que ses entrées ont été choisies par des filtres, mais n'en nomme "
        "aucun : il a été modifié (ses entrées sont vérifiées comme celles d'un export "
        "complet).",
    "entry number {position} of the file cannot be re-hashed ({fields}: missing, or not what "
    "the format says): it was edited.":
        "l'entrée n° {position} du fichier ne peut pas être hachée à nouveau ({fields} : "
        "absent, ou pas ce que dit le format) : elle a été modifiée.",
    "entry {id} holds {fields}, which an export does not write and its hash does not cover: "
    "it was edited.":
        "l'entrée {id} contient {fields}, qu'un export n'écrit pas et que son hachage ne couvre "
        "pas : elle a été modifiée.",
    "entry {id} holds a key twice, so that it can be read two ways: it was edited.":
        "l'entrée {id} contient deux fois la même clé, si bien qu'elle se lit de deux façons : "
        "elle a été modifiée.",
    "entry {id} comes after entry {before} in the file: entries were moved.":
        "l'entrée {id} vient après l'entrée {before} dans le fichier : des entrées ont été "
        "déplacées.",
    "the file's first entry ({id}) does not start the journal's chain: it was edited, or "
    "entries before it were removed.":
        "la première entrée du fichier ({id}) ne commence pas la chaîne du journal : elle a été "
        "modifiée, ou des entrées avant elle ont été supprimées.",
    "entry {id} does not follow the one before it in the file (an entry was removed, moved or "
    "edited).":
        "l'entrée {id} ne suit pas la précédente dans le fichier (une entrée a été supprimée, "
        "déplacée ou modifiée).",
    "entry {id} does not follow entry {before}, the one before it in the journal (one of them "
    "was edited).":
        "l'entrée {id} ne suit pas l'entrée {before}, sa précédente dans le journal (l'une des "
        "deux a été modifiée).",
    "entry {id} was edited: it no longer matches its hash.":
        "l'entrée {id} a été modifiée : elle ne correspond plus à son hachage.",
    "the file holds {count} entries but the journal's head it states says {expected}: entries "
    "were removed from it or added to it, or its head was edited.":
        "le fichier contient {count} entrées mais la tête du journal qu'il donne en annonce "
        "{expected} : des entrées y ont été supprimées ou ajoutées, ou sa tête a été modifiée.",
    "the file's last entry is not the one the journal's head it states names: its end was "
    "changed, or its head was edited.":
        "la dernière entrée du fichier n'est pas celle que nomme la tête du journal qu'il "
        "donne : sa fin a été changée, ou sa tête modifiée.",
    "the file says the journal verified when it was exported, but its entries do not check "
    "out: the file was edited after it was written.":
        "le fichier dit que le journal se vérifiait à l'export, mais ses entrées ne se "
        "vérifient pas : le fichier a été modifié après avoir été écrit.",
    "the file says the journal verified when it was exported, yet names a problem: the file "
    "was edited.":
        "le fichier dit que le journal se vérifiait à l'export, mais nomme un problème : le "
        "fichier a été modifié.",
    "the file says the journal did not verify when it was exported: {problem}":
        "le fichier dit que le journal ne se vérifiait pas à l'export : {problem}",
    "no reason given.": "aucune raison donnée.",
    "the file does not say whether the journal verified when it was exported: it was edited.":
        "le fichier ne dit pas si le journal se vérifiait à l'export : il a été modifié.",
    "It names no screenshot.": "Il ne nomme aucune capture d'écran.",
    "The screenshot it names is in {folder}; its entry was written before screenshots were "
    "hashed, so it was only looked for.":
        "La capture d'écran qu'il nomme est dans {folder} ; son entrée a été écrite avant que "
        "les captures soient hachées : elle a seulement été cherchée.",
    "The screenshot it names is in {folder}, as it was taken: its bytes match the hash its "
    "entry holds.":
        "La capture d'écran qu'il nomme est dans {folder}, telle qu'elle a été prise : ses "
        "octets correspondent au hachage que contient son entrée.",
    "The {count} screenshots it names are in {folder}; those whose entry holds a hash match "
    "it, and {unhashed} were kept before screenshots were hashed: those were only looked for.":
        "Les {count} captures d'écran qu'il nomme sont dans {folder} ; celles dont l'entrée "
        "contient un hachage y correspondent, et {unhashed} ont été gardées avant que les "
        "captures soient hachées : celles-là ont seulement été cherchées.",
    "The {count} screenshots it names are in {folder}, as they were taken: their bytes match "
    "the hashes their entries hold.":
        "Les {count} captures d'écran qu'il nomme sont dans {folder}, telles qu'elles ont été "
        "prises : leurs octets correspondent aux hachages que contiennent leurs entrées.",
    "this computer's journal has no entry {id}.":
        "le journal de cet ordinateur n'a pas d'entrée {id}.",
    "this computer's journal holds another entry {id} than the file's.":
        "le journal de cet ordinateur a une autre entrée {id} que celle du fichier.",
    "Each of its entries is the same in this computer's journal, which holds {more} more "
    "since.":
        "Chacune de ses entrées est la même dans le journal de cet ordinateur, qui en contient "
        "{more} de plus depuis.",
    "Each of its entries is the same in this computer's journal.":
        "Chacune de ses entrées est la même dans le journal de cet ordinateur.",
    # -- an export of a journal since started over, checked against the one set aside
    "this export was made from the journal set aside on {when} (kept at {path}), not "
    "from this computer's journal":
        "cet export a été fait à partir du journal mis de côté le {when} (conservé dans "
        "{path}), et non du journal de cet ordinateur",
    "{made_from}; that journal is no longer there, so its entries could not be "
    "compared with it.":
        "{made_from} ; ce journal n'est plus là, si bien que ses entrées n'ont pas pu lui "
        "être comparées.",
    "{made_from}; that journal could not be read, so its entries could not be "
    "compared with it: {cause}":
        "{made_from} ; ce journal n'a pas pu être lu, si bien que ses entrées n'ont pas pu lui "
        "être comparées : {cause}",
    "{made_from}: it was compared with that one.": "{made_from} : il lui a été comparé.",
    "This export was made from the journal set aside on {when} (kept at {path}), "
    "not from this computer's journal, which began by naming it.":
        "Cet export a été fait à partir du journal mis de côté le {when} (conservé dans "
        "{path}), et non du journal de cet ordinateur, qui a commencé par le nommer.",
    "the journal set aside has no entry {id}.":
        "le journal mis de côté n'a pas d'entrée {id}.",
    "the journal set aside holds another entry {id} than the file's.":
        "le journal mis de côté a une autre entrée {id} que celle du fichier.",
    "Each of its entries is the same in the journal set aside, which holds {more} "
    "more.":
        "Chacune de ses entrées est la même dans le journal mis de côté, qui en contient "
        "{more} de plus.",
    "Each of its entries is the same in the journal set aside.":
        "Chacune de ses entrées est la même dans le journal mis de côté.",
    # What an evidence screenshot shows (core/evidence.py).
    "the page did not look as expected": "la page n'avait pas l'aspect attendu",
    "the sign-in page did not look as expected": (
        "la page de connexion n'avait pas l'aspect attendu"
    ),
    "after unticking: {box}": "après décochage : {box}",
    "after an untick X did not save: {box}":
        "après un décochage que X n'a pas enregistré : {box}",
    "after an untick that could not be read back: {box}":
        "après un décochage qui n'a pas pu être relu : {box}",
    "every box off, as read": "toutes les cases décochées, telles que lues",
    # -- codes X refused at the email/SMS step, and at the 2FA step one code refused
    "X refused both codes typed at this sign-in from the email or SMS it sent, and another "
    "wrong code may get X to lock the account: type the code of X's latest email or SMS when "
    "you run `consentinel login {handle}`.":
        "X a refusé les deux codes saisis à cette connexion depuis l'e-mail ou le SMS qu'il a "
        "envoyé, et un code faux de plus pourrait amener X à verrouiller le compte : saisissez "
        "le code du dernier e-mail ou SMS de X quand vous lancerez `consentinel login {handle}`.",
    "X refused the code typed at this sign-in from the email or SMS it sent, and another "
    "wrong code may get X to lock the account: type the code of X's latest email or SMS when "
    "you run `consentinel login {handle}`.":
        "X a refusé le code saisi à cette connexion depuis l'e-mail ou le SMS qu'il a envoyé, "
        "et un code faux de plus pourrait amener X à verrouiller le compte : saisissez le code "
        "du dernier e-mail ou SMS de X quand vous lancerez `consentinel login {handle}`.",
    "X refused the two-factor code typed at this sign-in, and another wrong code may get X to "
    "lock the account: wait for your authenticator app to show a new code before you run "
    "`consentinel login {handle}`, or save the account's 2FA secret with `consentinel account "
    "set-totp {handle}` so that checks make the code themselves.":
        "X a refusé le code de double authentification saisi à cette connexion, et un code "
        "faux de plus pourrait amener X à verrouiller le compte : attendez que votre "
        "application d'authentification affiche un nouveau code avant de lancer `consentinel "
        "login {handle}`, ou enregistrez le secret 2FA du compte avec `consentinel account "
        "set-totp {handle}` pour que les vérifications produisent le code elles-mêmes.",
    # -- a check that tried no sign-in for a reason remembered from an earlier one
    "on {when}": "le {when}",
    "earlier": "plus tôt",
    "sign in on x.com, then run `consentinel login {handle}`.":
        "connectez-vous sur x.com, puis lancez `consentinel login {handle}`.",
    "Run `consentinel login {handle}` to sign in yourself.":
        "Lancez `consentinel login {handle}` pour vous connecter vous-même.",
    "Not signed in: X stopped a sign-in {at} ({reason}); no automatic sign-in before {when}. "
    "{advice}":
        "Pas de connexion : X a arrêté une connexion {at} ({reason}) ; pas de connexion "
        "automatique avant le {when}. {advice}",
    "Not signed in: X rejected the saved password {at}, and it is not tried again until you "
    "change it with {advice}":
        "Pas de connexion : X a rejeté le mot de passe enregistré {at}, et il n'est pas "
        "réessayé tant que vous ne l'avez pas changé avec {advice}",
    "Not signed in: X locked the account {at}, and no sign-in is tried until you verify it: "
    "{advice}":
        "Pas de connexion : X a verrouillé le compte {at}, et aucune connexion n'est tentée "
        "tant que vous ne l'avez pas vérifié : {advice}",
    "Not signed in: a sign-in stopped {at} at a step only you can take, and scheduled checks "
    "do not sign in again until you take it. {advice}":
        "Pas de connexion : une connexion s'est arrêtée {at} à une étape que vous seul pouvez "
        "franchir, et les vérifications programmées ne se connectent plus avant que vous "
        "l'ayez franchie. {advice}",
    "@{handle}: X rejected the password {at}, and it is not tried again — save the right one "
    "in Consentinel":
        "@{handle} : X a rejeté le mot de passe {at}, et il n'est pas réessayé — enregistrez le "
        "bon dans Consentinel",
    "@{handle}: X locked the account {at}, and no sign-in is tried — unlock it on X, then open "
    "Consentinel":
        "@{handle} : X a verrouillé le compte {at}, et aucune connexion n'est tentée — "
        "déverrouillez-le sur X, puis ouvrez Consentinel",
    "@{handle}: not signed in again since X stopped a sign-in {at} — open Consentinel to sign "
    "in yourself":
        "@{handle} : plus de connexion depuis que X a arrêté une connexion {at} — ouvrez "
        "Consentinel pour vous connecter vous-même",
    # A journaled notification in words (core/notification_words.py).
    "{text} (not shown: no notifier answered)":
        "{text} (non affichée : aucun service de notification n'a répondu)",
    "X switched a box back on; it was switched off again":
        "X a réactivé une case ; elle a été désactivée à nouveau",
    "X could not be reached for days": "X injoignable depuis plusieurs jours",
    "accounts missing from the list": "comptes absents de la liste",
    "the settings file was set aside": "fichier des paramètres mis de côté",
    "Consentinel's folder could not be written": "dossier de Consentinel impossible à écrire",
    "boxes X had switched back on, told late":
        "cases que X avait réactivées, signalées après coup",
    "X keeps boxes on without showing them on its page":
        "X garde des cases cochées sans les afficher sur sa page",
    "a box that should be off stays on": "une case qui devrait être décochée reste cochée",
    "the account needs you": "le compte a besoin de vous",
    "X's settings page could not be read": "la page des paramètres de X n'a pas pu être lue",
    "the accounts could not be checked": "les comptes n'ont pas pu être vérifiés",
    "{boxes} on {when}": "{boxes} le {when}",
    "@{handle} was removed from your accounts during its check.":
        "@{handle} a été retiré de vos comptes pendant sa vérification.",
    "The check stopped there.": "La vérification s'est arrêtée là.",
    "@{handle} was removed from your accounts while it signed in: its session was not kept.":
        "@{handle} a été retiré de vos comptes pendant sa connexion : sa session n'a pas été "
        "gardée.",
    "{path} is in Consentinel's own folders, where an export could replace what it keeps: "
    "choose another place, such as {exports}.":
        "{path} est dans les dossiers de Consentinel, où un export pourrait remplacer ce "
        "qu'il garde : choisissez un autre endroit, par exemple {exports}.",
    # -- why an account's history is not erased (core/history_eraser)
    "@{handle} is still one of your accounts: its checks would write its history again. To "
    "remove it and erase its history: consentinel account remove {handle} --erase-history":
        "@{handle} fait encore partie de vos comptes : ses vérifications écriraient de nouveau "
        "son historique. Pour le retirer et effacer son historique : consentinel account remove "
        "{handle} --erase-history",
    "@{handle} is an account the list lost: the journal alone still names it, and its "
    "secrets are still in the keyring. Erased, nothing would name it any more. Bring it back "
    "with: consentinel account restore, then remove it and erase its history with: "
    "consentinel account remove {handle} --erase-history":
        "@{handle} est un compte que la liste a perdu : seul le journal le nomme encore, et "
        "ses secrets sont toujours dans le trousseau. Effacé, plus rien ne le nommerait. "
        "Ramenez-le avec : consentinel account restore, puis retirez-le en effaçant son "
        "historique avec : consentinel account remove {handle} --erase-history",
    "@{handle} is one of your accounts again (added back meanwhile): its checks would write "
    "its history again. To erase it, remove the account and tick “Also erase its history from "
    "the journal”.":
        "@{handle} fait de nouveau partie de vos comptes (rajouté entre-temps) : ses "
        "vérifications écriraient de nouveau son historique. Pour l'effacer, retirez le compte "
        "en cochant « Effacer aussi son historique du journal ».",
    "@{handle} is an account the list lost: the journal alone still names it, and its secrets "
    "are still in the keyring. Erased, nothing would name it any more. Add it back with “Add "
    "back @{handle}” in the main window, then remove it and tick “Also erase its history from "
    "the journal”.":
        "@{handle} est un compte que la liste a perdu : seul le journal le nomme encore, et ses "
        "secrets sont toujours dans le trousseau. Effacé, plus rien ne le nommerait. "
        "Rajoutez-le avec « Rajouter @{handle} » dans la fenêtre principale, puis retirez-le en "
        "cochant « Effacer aussi son historique du journal ».",
    "@{handle} is an account the list lost: the journal alone still names it, and its secrets "
    "are still in the keyring. Erased, nothing would name it any more. The window offers to "
    "add it back only while no account is listed: add it back with consentinel account "
    "restore, then remove it and tick “Also erase its history from the journal”.":
        "@{handle} est un compte que la liste a perdu : seul le journal le nomme encore, et ses "
        "secrets sont toujours dans le trousseau. Effacé, plus rien ne le nommerait. La fenêtre "
        "ne propose de le rajouter que lorsqu'aucun compte n'est listé : rajoutez-le avec "
        "consentinel account restore, puis retirez-le en cochant « Effacer aussi son "
        "historique du journal ».",
    "A check started while the keyring was deleting the secrets of @{handle}: the account was "
    "removed, but its history was not erased, as that check may still write to it. Once the "
    "check ends, erase it with: consentinel account erase-history {handle}":
        "Une vérification a commencé pendant que le trousseau supprimait les secrets de "
        "@{handle} : le compte a été retiré, mais son historique n'a pas été effacé, car cette "
        "vérification peut encore y écrire. Une fois la vérification terminée, effacez-le "
        "avec : consentinel account erase-history {handle}",
    "A check started while the keyring was deleting the secrets of @{handle}: the account "
    "was removed, but its history was not erased, as that check may still write to it. Once "
    "the check ends, erase it in the journal window: choose @{handle} under “Account”, then "
    "“Erase the history of @{handle}…”.":
        "Une vérification a commencé pendant que le trousseau supprimait les secrets de "
        "@{handle} : le compte a été retiré, mais son historique n'a pas été effacé, car "
        "cette vérification peut encore y écrire. Une fois la vérification terminée, effacez-le "
        "dans la fenêtre du journal : choisissez @{handle} sous « Compte », puis "
        "« Effacer l'historique de @{handle}… ».",
    # -- an account's history erased (core/journal_erasure)
    "emptied when an account's history was erased (entry {id})":
        "vidée quand l'historique d'un compte a été effacé (entrée {id})",
    "the history of an account was erased: {entries}, {screenshots}":
        "l'historique d'un compte a été effacé : {entries}, {screenshots}",
    "entry {id} says it erased an account's history, but the entries it lists were not "
    "emptied by it as it says: the journal was edited.":
        "l'entrée {id} dit avoir effacé l'historique d'un compte, mais les entrées qu'elle "
        "liste n'ont pas été vidées par elle comme elle le dit : le journal a été modifié.",
    "entry {id}, {when}":
        "entrée {id}, {when}",
    "1 entry was emptied by an erasure of an account's history ({which}): the chain "
    "vouches for where it was, no longer for what it held.":
        "1 entrée a été vidée par un effacement de l'historique d'un compte ({which}) : la "
        "chaîne garantit encore sa place, plus ce qu'elle contenait.",
    "{entries} were emptied by an erasure of an account's history ({which}): the chain "
    "vouches for where they were, no longer for what they held.":
        "{entries} ont été vidées par un effacement de l'historique d'un compte ({which}) : "
        "la chaîne garantit encore leur place, plus ce qu'elles contenaient.",
    "{entries} were emptied by {count} erasures of an account's history ({which}): the "
    "chain vouches for where they were, no longer for what they held.":
        "{entries} ont été vidées par {count} effacements de l'historique d'un compte "
        "({which}) : la chaîne garantit encore leur place, plus ce qu'elles contenaient.",
    # -- the journal set aside by a scheduled check (core/notify.py), and the doctor's journal
    "Consentinel's journal could not be read; it was kept aside as {path} and a new one was "
    "started. Its record of earlier checks is in that file: keep it.":
        "Le journal de Consentinel était illisible ; il a été mis de côté sous {path} et un "
        "nouveau a été commencé. Son historique des vérifications passées est dans ce "
        "fichier : gardez-le.",
    "the journal could not be read and was set aside":
        "le journal était illisible et a été mis de côté",
    "Journal file": "Fichier du journal",
    "It started over on {when}: the data folder or the journal file was deleted during a "
    "check, and the record of the checks before went with it.":
        "Il a recommencé le {when} : le dossier de données ou le fichier du journal a été "
        "supprimé pendant une vérification, et l'historique des vérifications d'avant est parti "
        "avec lui.",
    "{path}: none yet.": "{path} : aucun pour l'instant.",
    "{path}: intact, {count} entries.": "{path} : intact, {count} entrées.",
    "{path}: does not verify: {problem}": "{path} : ne se vérifie pas : {problem}",
    "{path}: intact, {count} entry.": "{path} : intact, {count} entrée.",
    "It started over on {when}: the journal before it was written by a newer Consentinel and "
    "is kept as {path}, with the record of the checks before.":
        "Il a recommencé le {when} : le journal d'avant avait été écrit par un Consentinel plus "
        "récent et est gardé sous {path}, avec l'historique des vérifications d'avant.",
    "It started over on {when}, as you chose: the journal before it no longer verified and is "
    "kept as {path}, with the record of the checks before.":
        "Il a recommencé le {when}, à votre demande : le journal d'avant ne se vérifiait plus "
        "et est gardé sous {path}, avec l'historique des vérifications d'avant.",
    "It started over on {when}: the journal before it was deleted while Consentinel was open, "
    "and the record of its last entry is kept as {path}.":
        "Il a recommencé le {when} : le journal d'avant a été supprimé pendant que Consentinel "
        "était ouvert, et la trace de sa dernière entrée est gardée sous {path}.",
    "It started over on {when}: the journal before it could not be read and is kept as {path}, "
    "with the record of the checks before.":
        "Il a recommencé le {when} : le journal d'avant était illisible et est gardé sous "
        "{path}, avec l'historique des vérifications d'avant.",
    "Keep that file: the record of the checks before the start-over is there.":
        "Gardez ce fichier : l'historique des vérifications d'avant le recommencement s'y "
        "trouve.",
    "Keep a copy of the data folder; `consentinel log --verify` says what is wrong, and "
    "`consentinel log --start-over` keeps it aside and begins a new one.":
        "Gardez une copie du dossier de données ; `consentinel log --verify` dit ce qui ne va "
        "pas, et `consentinel log --start-over` le met de côté et en commence un nouveau.",
    "Open Consentinel or run a check: the journal is then kept aside and a new one begins.":
        "Ouvrez Consentinel ou lancez une vérification : le journal est alors mis de côté et un "
        "nouveau commence.",
    # -- this computer's clock against X's (core/clock_offset.py)
    "This computer's clock is {n} seconds behind X's":
        "L'horloge de cet ordinateur retarde de {n} secondes sur celle de X",
    "This computer's clock is {n} minutes behind X's":
        "L'horloge de cet ordinateur retarde de {n} minutes sur celle de X",
    "This computer's clock is {n} hours behind X's":
        "L'horloge de cet ordinateur retarde de {n} heures sur celle de X",
    "This computer's clock is {n} days behind X's":
        "L'horloge de cet ordinateur retarde de {n} jours sur celle de X",
    "This computer's clock is {n} seconds ahead of X's":
        "L'horloge de cet ordinateur avance de {n} secondes sur celle de X",
    "This computer's clock is {n} minutes ahead of X's":
        "L'horloge de cet ordinateur avance de {n} minutes sur celle de X",
    "This computer's clock is {n} hours ahead of X's":
        "L'horloge de cet ordinateur avance de {n} heures sur celle de X",
    "This computer's clock is {n} days ahead of X's":
        "L'horloge de cet ordinateur avance de {n} jours sur celle de X",
    "{clock}: X refused the code made from the saved 2FA secret, as it refuses every code made "
    "by a clock that far off. The secret is kept. Set this computer's clock right (automatic "
    "date and time), then check again.":
        "{clock} : X a refusé le code produit par le secret 2FA enregistré, comme il refuse "
        "tout code produit par une horloge aussi décalée. Le secret est conservé. Mettez "
        "l'horloge de cet ordinateur à l'heure (date et heure automatiques), puis vérifiez à "
        "nouveau.",
    "{clock}: the 2FA codes Consentinel makes from saved secrets are refused by X.":
        "{clock} : X refuse les codes 2FA que Consentinel produit à partir des secrets "
        "enregistrés.",
    "Set this computer's clock right (automatic date and time).":
        "Mettez l'horloge de cet ordinateur à l'heure (date et heure automatiques).",
    "@{handle}: X refuses the 2FA codes made on this computer — {clock}; set it right, then "
    "check again":
        "@{handle} : X refuse les codes 2FA produits sur cet ordinateur — {clock} ; mettez-la à "
        "l'heure, puis vérifiez à nouveau",
    # -- how an account's check ended, as the window's status column names it
    # (core/status_words.py; the same French as DialogWords' in consentinel_fr_dialogs.ts)
    "Password refused": "Mot de passe refusé",
    "2FA code needed": "Code 2FA requis",
    "Email or SMS code needed": "Code e-mail ou SMS requis",
    "Captcha to solve": "Captcha à résoudre",
    "Email or phone to confirm": "E-mail ou téléphone à confirmer",
    "Locked by X": "Verrouillé par X",
    "Session expired": "Session expirée",
    "Sign-in needed": "Connexion requise",
    "X too slow to answer": "X trop lent à répondre",
    "X unreachable": "X injoignable",
    "X failing": "X en panne",
    "Clock to set right": "Horloge à régler",
}
