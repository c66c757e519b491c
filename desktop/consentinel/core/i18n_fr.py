"""French for the core's and the command line's messages (keys are the English ids)."""

from __future__ import annotations

FRENCH: dict[str, str] = {
    # -- run lock, OS jobs, notifications, `consentinel schedule`
    "A check is already running.": "Une vérification est déjà en cours.",
    "A check is already running (pid {pid} since {since}).":
        "Une vérification est déjà en cours (pid {pid} depuis {since}).",
    "A check is already running (pid {pid} on {host} since {since}).":
        "Une vérification est déjà en cours (pid {pid} sur {host} depuis {since}).",
    "X switched Grok training back on for @{handle} — switched off again":
        "X a réactivé l'entraînement de Grok pour @{handle} — désactivé à nouveau",
    "@{handle} needs you: sign in again": "@{handle} a besoin de vous : reconnectez-vous",
    "Consentinel could not read X's settings page — it may have changed":
        "Consentinel n'a pas pu lire la page de réglages de X — elle a peut-être changé",
    "run checks on a schedule, even when Consentinel is closed":
        "vérifier selon un calendrier, même quand Consentinel est fermé",
    "install the OS job that runs `consentinel check --unattended`":
        "installer la tâche système qui lance `consentinel check --unattended`",
    "how often to check (default: the schedule in the settings)":
        "à quelle fréquence vérifier (par défaut : celle des réglages)",
    "remove the OS job": "supprimer la tâche système",
    "say whether the OS job is installed, and when it runs":
        "indiquer si la tâche système est installée, et quand elle s'exécute",
    "Automatic checks are off. Choose: consentinel schedule install --every daily":
        "Les vérifications automatiques sont désactivées. Choisissez : "
        "consentinel schedule install --every daily",
    "Automatic checks are off: choose how often to check (6h, 12h, daily or weekly) first.":
        "Les vérifications automatiques sont désactivées : choisissez d'abord une fréquence "
        "(6h, 12h, daily ou weekly).",
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
    "never": "jamais",
    "{tool} is not installed.": "{tool} n'est pas installé.",
    "{tool} did not answer in time.": "{tool} n'a pas répondu à temps.",
}
