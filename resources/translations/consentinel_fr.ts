<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccountFilter</name>
    <message>
        <source>Filter by @handle or status</source>
        <translation>Filtrer par @compte ou état</translation>
    </message>
    <message>
        <source>Shows only the accounts whose handle holds these letters, or whose status has these words (“password”, “2FA”…).</source>
        <translation>N'affiche que les comptes dont l'identifiant contient ces lettres, ou dont l'état contient ces mots (« mot de passe », « 2FA »…).</translation>
    </message>
    <message>
        <source>{shown} of 1 account shown</source>
        <translation>{shown} compte affiché sur 1</translation>
    </message>
    <message>
        <source>{shown} of {total} accounts shown</source>
        <comment>none or one shown</comment>
        <translation>{shown} compte affiché sur {total}</translation>
    </message>
    <message>
        <source>{shown} of {total} accounts shown</source>
        <translation>{shown} comptes affichés sur {total}</translation>
    </message>
</context>
<context>
    <name>AccountsTable</name>
    <message>
        <source>In this check</source>
        <translation>Dans cette vérification</translation>
    </message>
    <message>
        <source>This account is being checked, or waits its turn, in this check.</source>
        <translation>Ce compte est en cours de vérification, ou attend son tour, dans cette vérification.</translation>
    </message>
    <message>
        <source>After a new password</source>
        <translation>Après un nouveau mot de passe</translation>
    </message>
    <message>
        <source>Scheduled checks will not sign in to this account until you save a new password with “Edit account…”.</source>
        <translation>Les vérifications planifiées ne se connecteront plus à ce compte tant que vous n'aurez pas enregistré un nouveau mot de passe avec « Modifier le compte… ».</translation>
    </message>
    <message>
        <source>After you sign in</source>
        <translation>Après votre connexion</translation>
    </message>
    <message>
        <source>Scheduled checks wait until you sign in to this account with “Sign in yourself…”.</source>
        <translation>Les vérifications planifiées attendent que vous vous connectiez à ce compte avec « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>After you unlock it on X</source>
        <translation>Après son déverrouillage sur X</translation>
    </message>
    <message>
        <source>X locked this account: scheduled checks do not sign in to it until it is unlocked. Sign in on x.com, then use “Sign in yourself…”.</source>
        <translation>X a verrouillé ce compte : les vérifications planifiées ne s'y connectent pas tant qu'il n'est pas déverrouillé. Connectez-vous sur x.com, puis utilisez « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>Not before {when}</source>
        <translation>Pas avant le {when}</translation>
    </message>
    <message>
        <source>After X's refusal, captcha or lock, scheduled checks do not sign in again before then. You can still use “Sign in yourself…”.</source>
        <translation>Après un refus, un captcha ou un verrouillage de X, les vérifications planifiées ne se reconnectent pas avant. Vous pouvez quand même utiliser « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>on, hidden by X</source>
        <translation>cochée chez X, non affichée</translation>
    </message>
    <message>
        <source>on (kept)</source>
        <translation>cochée (gardée)</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/accounts_table.py" line="44"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/accounts_table.py" line="60"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/accounts_table.py" line="60"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/accounts_table.py" line="62"/>
        <source>Last check</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/accounts_table.py" line="62"/>
        <source>Next check</source>
        <translation>Prochaine vérification</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/accounts_table.py" line="103"/>
        <source>Not scheduled</source>
        <translation>Non planifiée</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/accounts_table.py" line="137"/>
        <source>You chose to leave this box as it is.</source>
        <translation>Vous avez choisi de laisser cette case telle quelle.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/accounts_table.py" line="116"/>
        <source>Signed in, not checked yet</source>
        <translation>Connecté, pas encore vérifié</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/accounts_table.py" line="119"/>
        <source>The sign-in worked and the session is saved. The next check reads the boxes again.</source>
        <translation>La connexion a réussi et la session est enregistrée. La prochaine vérification relira les cases.</translation>
    </message>
    <message>
        <source>New password, not checked yet</source>
        <translation>Nouveau mot de passe, pas encore vérifié</translation>
    </message>
    <message>
        <source>X refused the password at the last check; a new one was saved since. The next check signs in with it.</source>
        <translation>X a refusé le mot de passe à la dernière vérification ; un nouveau a été enregistré depuis. La prochaine vérification se connectera avec lui.</translation>
    </message>
    <message>
        <source>X keeps this box on without showing it on its page to this account: it cannot be switched off for now. Consentinel will switch it off as soon as X shows it.</source>
        <translation>X garde cette case cochée sans l'afficher sur sa page pour ce compte : elle ne peut pas être décochée pour l'instant. Consentinel la décochera dès que X l'affichera.</translation>
    </message>
    <message>
        <source>X's page does not show this box to this account (X shows it to some accounts only): there is nothing to untick.</source>
        <translation>La page de X ne montre pas cette case à ce compte (X ne la montre qu'à certains comptes) : il n'y a rien à décocher.</translation>
    </message>
    <message>
        <source>Its next automatic check is set when this check ends.</source>
        <translation>Sa prochaine vérification automatique sera fixée à la fin de cette vérification.</translation>
    </message>
    <message>
        <source>The next check reads X's page again, but until Consentinel is updated for X's new page it may not be able to check this account's boxes: check them yourself on x.com.</source>
        <translation>La prochaine vérification relira la page de X, mais tant que Consentinel n'est pas mis à jour pour la nouvelle page de X, elle ne pourra peut-être pas vérifier les cases de ce compte : vérifiez-les vous-même sur x.com.</translation>
    </message>
    <message>
        <source>X had switched this box back on since the check before: this check switched it off again.</source>
        <translation>X avait recoché cette case depuis la vérification précédente : cette vérification l'a décochée à nouveau.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
        <message>
            <source>The journal started over on {when}: the one before it could not be read and is kept as {path}. Its record of earlier checks is in that file: keep it.</source>
            <translation>Le journal a recommencé le {when} : celui d'avant était illisible et est gardé sous {path}. Son historique des vérifications passées est dans ce fichier : gardez-le.</translation>
        </message>
        <message>
            <source>The journal started over on {when}: the one before it was written by a newer Consentinel and is kept as {path}. Its record of earlier checks is in that file.</source>
            <translation>Le journal a recommencé le {when} : celui d'avant venait d'une version plus récente de Consentinel et est gardé sous {path}. Son historique des vérifications passées est dans ce fichier.</translation>
        </message>
        <message>
            <source>The journal started over on {when}: the data folder or the journal file was deleted during a check, and the record of the checks before went with it.</source>
            <translation>Le journal a recommencé le {when} : le dossier de données ou le fichier du journal a été supprimé pendant une vérification, et l'historique des vérifications d'avant est parti avec lui.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/app_controller.py" line="1" />
            <source>A browser is ready: checks can start.</source>
            <translation>Un navigateur est prêt : les vérifications peuvent commencer.</translation>
        </message>
    <message>
        <location filename="../../desktop/consentinel/gui/app_controller.py" line="159"/>
        <source>The demo could not start</source>
        <translation>La démo n&apos;a pas pu démarrer</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/app_controller.py" line="160"/>
        <source>The simulated X could not start: {problem}</source>
        <translation>Le X simulé n&apos;a pas pu démarrer : {problem}</translation>
    </message>
        <message>
            <source>The new language will apply when this check has ended.</source>
            <translation>La nouvelle langue s'appliquera à la fin de cette vérification.</translation>
        </message>
        <message>
            <source>The schedule could not be paused or resumed: {problem}</source>
            <translation>Les vérifications automatiques n'ont pas pu être mises en pause ni reprises : {problem}</translation>
        </message>
        <message>
            <source>Consentinel found a problem</source>
            <translation>Consentinel a trouvé un problème</translation>
        </message>
        <message>
            <source>The browser chosen in the settings, {path}, is Firefox: Consentinel cannot use it, and no check can start. In Settings, choose Chrome, Edge or Chromium, or “Find a browser automatically” to let Consentinel find one.</source>
            <translation>Le navigateur choisi dans les paramètres, {path}, est Firefox : Consentinel ne peut pas l'utiliser, et aucune vérification ne peut commencer. Dans les Paramètres, choisissez Chrome, Edge ou Chromium, ou « Trouver un navigateur automatiquement » pour que Consentinel en trouve un.</translation>
        </message>
        <message>
            <source>The browser chosen in the settings, {path}, is not Chromium, Google Chrome or Microsoft Edge: Consentinel cannot use it, and no check can start. In Settings, choose Chrome, Edge or Chromium, or “Find a browser automatically” to let Consentinel find one.</source>
            <translation>Le navigateur choisi dans les paramètres, {path}, n'est ni Chromium, ni Google Chrome, ni Microsoft Edge : Consentinel ne peut pas l'utiliser, et aucune vérification ne peut commencer. Dans les Paramètres, choisissez Chrome, Edge ou Chromium, ou « Trouver un navigateur automatiquement » pour que Consentinel en trouve un.</translation>
        </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <source>Ca&amp;ncel sign-in</source>
        <translation>A&amp;nnuler la connexion</translation>
    </message>
        <message>
        <source>@{handle}: {step} In the browser window, do what X asks of you (a captcha, a code); Consentinel types the rest.</source>
        <translation>@{handle} : {step} Dans la fenêtre du navigateur, faites ce que X vous demande (un captcha, un code) ; Consentinel saisit le reste.</translation>
    </message>
    <message>
            <location filename="../../desktop/consentinel/gui/check_panel.py" line="1" />
            <source>@{handle}: {step}</source>
            <translation>@{handle} : {step}</translation>
        </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_panel.py" line="19"/>
        <source>Check progress</source>
        <translation>Avancement de la vérification</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_panel.py" line="21"/>
        <source>Accounts checked</source>
        <translation>Comptes vérifiés</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_panel.py" line="75"/>
        <source>Accounts checked: {done} of {total}</source>
        <translation>Comptes vérifiés : {done} sur {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_panel.py" line="23"/>
        <source>Ca&amp;ncel check</source>
        <translation>A&amp;nnuler la vérification</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_panel.py" line="39"/>
        <source>Checking {n} accounts…</source>
        <translation>Vérification de {n} comptes…</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_panel.py" line="46"/>
        <source>Waiting for you to finish signing in @{handle} in the browser window…</source>
        <translation>En attente de la fin de votre connexion de @{handle} dans la fenêtre du navigateur…</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_panel.py" line="61"/>
        <source>Cancelling at the next safe point…</source>
        <translation>Annulation au prochain point sûr…</translation>
    </message>
        <message>
            <source>Checking 1 account…</source>
            <translation>Vérification d'un compte…</translation>
        </message>
    <message>
        <source>{done} of 1 account</source>
        <translation>{done} compte sur 1</translation>
    </message>
    <message>
        <source>{done} of {total} accounts</source>
        <comment>none or one done</comment>
        <translation>{done} compte sur {total}</translation>
    </message>
    <message>
        <source>{done} of {total} accounts</source>
        <translation>{done} comptes sur {total}</translation>
    </message>
    <message>
        <source>. Meanwhile, 1 other account is being checked.</source>
        <translation>. Pendant ce temps, 1 autre compte est vérifié.</translation>
    </message>
    <message>
        <source>. Meanwhile, {n} other accounts are being checked.</source>
        <translation>. Pendant ce temps, {n} autres comptes sont vérifiés.</translation>
    </message>
    <message>
        <source>{n} accounts under way: {handles}</source>
        <translation>{n} comptes en cours : {handles}</translation>
    </message>
</context>
<context>
    <name>CheckRunner</name>
    <message>
        <location filename="../../desktop/consentinel/gui/check_runner.py" line="69"/>
        <location filename="../../desktop/consentinel/gui/check_runner.py" line="85"/>
        <location filename="../../desktop/consentinel/gui/check_runner.py" line="104"/>
        <source>A check is already running.</source>
        <translation>Une vérification est déjà en cours.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_runner.py" line="73"/>
        <source>Another Consentinel process (number {pid}, started at {since}) is checking your accounts; try again when it has finished.</source>
        <translation>Un autre processus Consentinel (numéro {pid}, lancé à {since}) vérifie vos comptes ; réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_runner.py" line="73"/>
        <source>Another Consentinel process is checking your accounts; try again when it has finished.</source>
        <translation>Un autre processus Consentinel vérifie vos comptes ; réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/check_runner.py" line="202"/>
        <source>The check stopped because of an unexpected problem ({problem}). Nothing was left half-written; the details are in the log. Try again, and report it if it happens again.</source>
        <translation>La vérification s&apos;est arrêtée à cause d&apos;un problème inattendu ({problem}). Rien n&apos;est resté à moitié écrit ; les détails sont dans le journal technique. Réessayez, et signalez-le si cela se reproduit.</translation>
    </message>
</context>
<context>
    <name>DemoSession</name>
    <message>
        <location filename="../../desktop/consentinel/gui/demo.py" line="64"/>
        <source>Demo: the simulated X sent the code {code}.</source>
        <translation>Démo : le X simulé a envoyé le code {code}.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/demo.py" line="71"/>
        <source>Demo: an authenticator app would show {code} now.</source>
        <translation>Démo : une application d&apos;authentification afficherait {code} maintenant.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../desktop/consentinel/gui/empty_state.py" line="20"/>
        <source>Keep your X accounts out of AI training</source>
        <translation>Gardez vos comptes X hors de l&apos;entraînement de l&apos;IA</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/empty_state.py" line="29"/>
        <source>Consentinel signs in to your X accounts, unticks every box on X&apos;s Grok settings page that shares your posts and conversations with xAI, and checks again on a schedule in case X switches one back on.

Everything stays on this computer: your accounts, the journal of what was done, and your passwords, which go to the system keyring only.

On X it only opens the Grok settings page: it never posts, follows, reads your messages or changes anything else.</source>
        <translation>Consentinel se connecte à vos comptes X, décoche chaque case de la page des paramètres Grok de X qui partage vos publications et conversations avec xAI, puis revérifie régulièrement au cas où X en réactiverait une.

Tout reste sur cet ordinateur : vos comptes, le journal de ce qui a été fait, et vos mots de passe, qui vont uniquement dans le trousseau du système.

Sur X, il n&apos;ouvre que la page des paramètres Grok : il ne publie rien, ne suit personne, ne lit pas vos messages et ne change rien d&apos;autre.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/empty_state.py" line="41"/>
        <source>What Consentinel does</source>
        <translation>Ce que fait Consentinel</translation>
    </message>
    <message>
        <source>Passwords cannot be saved yet. {problem}</source>
        <translation>Les mots de passe ne peuvent pas encore être enregistrés. {problem}</translation>
    </message>
    <message>
        <source>Keyring problem</source>
        <translation>Problème de trousseau</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/empty_state.py" line="43"/>
        <source>Add your &amp;first account</source>
        <translation>Ajouter votre &amp;premier compte</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/empty_state.py" line="47"/>
        <source>Try the &amp;demo</source>
        <translation>&amp;Essayer la démo</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/empty_state.py" line="49"/>
        <source>A simulated X with sample accounts, on this computer only: no risk.</source>
        <translation>Un X simulé avec des comptes d&apos;exemple, sur cet ordinateur uniquement : aucun risque.</translation>
    </message>
    <message>
        <source>Add &amp;back @{handle}</source>
        <translation>&amp;Rajouter @{handle}</translation>
    </message>
    <message>
        <source>Add &amp;back {n} accounts</source>
        <translation>&amp;Rajouter {n} comptes</translation>
    </message>
    <message>
        <source>The journal knows these accounts, which the list lacks: {handles}. Their passwords, 2FA secrets and saved sessions are still here.</source>
        <translation>Le journal connaît ces comptes, qui manquent à la liste : {handles}. Leurs mots de passe, secrets 2FA et sessions enregistrées sont toujours là.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Consentinel will stop checking @{handle} and delete its saved password, 2FA secret and session from this computer. Its history stays in the journal, with its screenshots, unless you erase it (below, or later in the journal window: choose @{handle} under “Account”, then “Erase the history of @{handle}…”). Nothing changes on X.</source>
        <translation>Consentinel cessera de vérifier @{handle} et supprimera de cet ordinateur son mot de passe, son secret 2FA et sa session. Son historique reste dans le journal, avec ses captures d&apos;écran, sauf si vous l&apos;effacez (ci-dessous, ou plus tard dans la fenêtre du journal : choisissez @{handle} sous « Compte », puis « Effacer l&apos;historique de @{handle}… »). Rien ne change sur X.</translation>
    </message>
    <message>
        <source>Consentinel will stop checking {handles} and delete their saved passwords, 2FA secrets and sessions from this computer. Their history stays in the journal, with their screenshots, unless you erase it (below, or later in the journal window, for each account: choose it under “Account”, then “Erase the history of” followed by its handle). Nothing changes on X.</source>
        <translation>Consentinel cessera de vérifier {handles} et supprimera de cet ordinateur leurs mots de passe, leurs secrets 2FA et leurs sessions. Leur historique reste dans le journal, avec leurs captures d&apos;écran, sauf si vous l&apos;effacez (ci-dessous, ou plus tard dans la fenêtre du journal, pour chaque compte : choisissez-le sous « Compte », puis « Effacer l&apos;historique de » suivi de son identifiant). Rien ne change sur X.</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>Consentinel will stop checking {handles} and delete their saved passwords, 2FA secrets and sessions from this computer. The journal holds no history of them. Nothing changes on X.</source>
        <translation>Consentinel cessera de vérifier {handles} et supprimera de cet ordinateur leurs mots de passe, leurs secrets 2FA et leurs sessions. Le journal ne contient aucun historique d&apos;eux. Rien ne change sur X.</translation>
    </message>
    <message>
        <source>Consentinel will stop checking @{handle} and delete its saved password, 2FA secret and session from this computer. The journal holds no history of it. Nothing changes on X.</source>
        <translation>Consentinel cessera de vérifier @{handle} et supprimera de cet ordinateur son mot de passe, son secret 2FA et sa session. Le journal ne contient aucun historique de ce compte. Rien ne change sur X.</translation>
    </message>
    <message>
        <source>&amp;Remove and erase</source>
        <translation>&amp;Retirer et effacer</translation>
    </message>
    <message>
        <source>Erased the history of {handles} from the journal: {entries}, {screenshots}.</source>
        <translation>Historique de {handles} effacé du journal : {entries}, {screenshots}.</translation>
    </message>
    <message>
        <source>Exports, bundles and copies of the data folder made before still hold it: delete those too.</source>
        <translation>Les exports, paquets de preuves et copies du dossier de données faits avant le contiennent encore : supprimez-les aussi.</translation>
    </message>
    <message>
        <source>History erased</source>
        <translation>Historique effacé</translation>
    </message>
    <message>
        <source>Also erase its history from the journal ({entries}, {screenshots})</source>
        <translation>Effacer aussi son historique du journal ({entries}, {screenshots})</translation>
    </message>
    <message>
        <source>Also erase their history from the journal ({entries}, {screenshots})</source>
        <translation>Effacer aussi leur historique du journal ({entries}, {screenshots})</translation>
    </message>
    <message>
        <source>Another Consentinel process was reading the journal: the erased history stays in the journal&apos;s write-ahead file until that read ends; this window empties it then.</source>
        <translation>Un autre processus Consentinel lisait le journal : l&apos;historique effacé reste dans le fichier de journalisation anticipée (WAL) du journal jusqu&apos;à la fin de cette lecture ; cette fenêtre le vide alors.</translation>
    </message>
    <message>
        <source>These screenshots could not be deleted: {names}</source>
        <translation>Ces captures d&apos;écran n&apos;ont pas pu être supprimées : {names}</translation>
    </message>
    <message>
        <source>Its lines could not be taken out of these log files: {names}, in {folder}. Delete those files yourself.</source>
        <translation>Ses lignes n&apos;ont pas pu être retirées de ces fichiers de log : {names}, dans {folder}. Supprimez vous-même ces fichiers.</translation>
    </message>
    <message>
        <source>Nothing was removed</source>
        <translation>Rien n&apos;a été retiré</translation>
    </message>
    <message>
        <source>A check is running: wait for it to end (or cancel it), then try again.</source>
        <translation>Une vérification est en cours : attendez qu&apos;elle se termine (ou annulez-la), puis réessayez.</translation>
    </message>
    <message>
        <source>The history of @{handle} was not erased</source>
        <translation>L&apos;historique de @{handle} n&apos;a pas été effacé</translation>
    </message>
    <message>
        <source>The history of @{handle} was not all erased</source>
        <translation>L&apos;historique de @{handle} n&apos;a pas été entièrement effacé</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrée</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} entrées</translation>
    </message>
    <message>
        <source>no screenshot</source>
        <translation>aucune capture d&apos;écran</translation>
    </message>
    <message>
        <source>1 screenshot</source>
        <translation>1 capture d&apos;écran</translation>
    </message>
    <message>
        <source>{count} screenshots</source>
        <translation>{count} captures d&apos;écran</translation>
    </message>
    <message>
        <source>The keyring ({keyring}) can be used now.</source>
        <translation>Le trousseau ({keyring}) peut être utilisé maintenant.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>The question for @{handle} went unanswered for {minutes} min: it was closed, and the check went on without this account.</source>
        <translation>La question pour @{handle} est restée sans réponse pendant {minutes} min : elle a été fermée, et la vérification a continué sans ce compte.</translation>
    </message>
    <message>
        <source>Journal — {app} — DEMO (simulated X)</source>
        <translation>Journal — {app} — DÉMO (X simulé)</translation>
    </message>
    <message>
        <source>What to do for the selected account</source>
        <translation>Que faire pour le compte sélectionné</translation>
    </message>
    <message>
        <source>Journal damaged: {problem}</source>
        <translation>Journal endommagé : {problem}</translation>
    </message>
    <message>
        <source>Open the journal to see what was changed.</source>
        <translation>Ouvrez le journal pour voir ce qui a été modifié.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="91"/>
        <source>Last check</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="109"/>
        <source>DEMO: simulated X, throwaway data</source>
        <translation>DÉMO : X simulé, données jetables</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="126"/>
        <source>{app} — DEMO (simulated X)</source>
        <translation>{app} — DÉMO (X simulé)</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="153"/>
        <source>&amp;Add account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="157"/>
        <source>Add an X account to protect</source>
        <translation>Ajouter un compte X à protéger</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="160"/>
        <source>&amp;Edit account…</source>
        <translation>&amp;Modifier le compte…</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="163"/>
        <source>&amp;Remove account…</source>
        <translation>&amp;Retirer le compte…</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="166"/>
        <source>&amp;Sign in yourself…</source>
        <translation>Se &amp;connecter soi-même…</translation>
    </message>
    <message>
        <source>Select those that &amp;need you</source>
        <translation>Sélectionner ceux qui ont &amp;besoin de vous</translation>
    </message>
    <message>
        <source>Select the accounts waiting for something only you can do (a code, a password, a sign-in)</source>
        <translation>Sélectionner les comptes qui attendent ce que vous seul pouvez faire (un code, un mot de passe, une connexion)</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="170"/>
        <source>Open X&apos;s sign-in page in a window, for sign-ins that need you</source>
        <translation>Ouvrir la page de connexion de X dans une fenêtre, pour les connexions qui ont besoin de vous</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="173"/>
        <source>&amp;Check selected</source>
        <translation>&amp;Vérifier la sélection</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="177"/>
        <source>Check the selected accounts now</source>
        <translation>Vérifier maintenant les comptes sélectionnés</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="180"/>
        <source>Check &amp;all</source>
        <translation>&amp;Tout vérifier</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="184"/>
        <source>Check every account now</source>
        <translation>Vérifier tous les comptes maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="187"/>
        <source>Ca&amp;ncel check</source>
        <translation>A&amp;nnuler la vérification</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="190"/>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="194"/>
        <source>What every check saw and did</source>
        <translation>Ce que chaque vérification a vu et fait</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="197"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="205"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="207"/>
        <source>&amp;About Consentinel</source>
        <translation>À propos de &amp;Consentinel</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Premiers pas</translation>
    </message>
    <message>
        <source>What to have ready, what a check does, where the journal is</source>
        <translation>Ce qu&apos;il faut préparer, ce que fait une vérification, où est le journal</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="209"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="225"/>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="236"/>
        <source>&amp;Checks</source>
        <translation>&amp;Vérifications</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="245"/>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="247"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="276"/>
        <source>&amp;Journal of @{handle}</source>
        <translation>&amp;Journal de @{handle}</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="272"/>
        <source>Waiting for an account</source>
        <translation>En attente d&apos;un compte</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="274"/>
        <source>Automatic checks: paused</source>
        <translation>Vérifications automatiques : en pause</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="276"/>
        <source>Automatic checks: off</source>
        <translation>Vérifications automatiques : désactivées</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="279"/>
        <source>Next automatic check: {when}</source>
        <translation>Prochaine vérification automatique : {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="279"/>
        <source>Next automatic check: {when} (while Consentinel is open)</source>
        <translation>Prochaine vérification automatique : {when} (tant que Consentinel est ouvert)</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="293"/>
        <source>@{handle} added. Choose “Check selected” to protect it now.</source>
        <translation>@{handle} ajouté. Choisissez « Vérifier la sélection » pour le protéger maintenant.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="314"/>
        <source>Remove @{handle} from Consentinel?</source>
        <translation>Retirer @{handle} de Consentinel ?</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="330"/>
        <source>@{handle} was not removed</source>
        <translation>@{handle} n&apos;a pas été retiré</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="331"/>
        <source>Its secrets could not be deleted from the keyring: {problem}</source>
        <translation>Ses secrets n&apos;ont pas pu être supprimés du trousseau : {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="417"/>
        <source>The check was cancelled. What was finished is in the journal.</source>
        <translation>La vérification a été annulée. Ce qui était terminé est dans le journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="421"/>
        <source>All {n} accounts checked: every box you chose is off.</source>
        <translation>Les {n} comptes sont vérifiés : toutes les cases choisies sont décochées.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="447"/>
        <source>The check did not run</source>
        <translation>La vérification n&apos;a pas eu lieu</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="456"/>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Unlock the account on x.com first, then try “Sign in yourself…” again.</source>
        <translation>Déverrouillez d'abord le compte sur x.com, puis réessayez « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>Try “Sign in yourself…” again when you have time to finish it.</source>
        <translation>Réessayez « Se connecter soi-même… » quand vous aurez le temps de terminer la connexion.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/main_window.py" line="493"/>
        <source>Not available in the demo.</source>
        <translation>Indisponible dans la démo.</translation>
    </message>
    <message>
        <source>The account was checked: every box you chose is off.</source>
        <translation>Le compte est vérifié : toutes les cases choisies sont décochées.</translation>
    </message>
    <message>
        <source>The check did not end with every box off. Select or hover the status to read why.</source>
        <translation>La vérification ne s'est pas terminée avec toutes les cases décochées. Sélectionnez ou survolez l'état pour savoir pourquoi.</translation>
    </message>
    <message>
        <source>X had switched boxes back on: {accounts}. They are off again.</source>
        <translation>Cases recochées par X, de nouveau décochées : {accounts}.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Retirer le compte</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Remove accounts</source>
        <translation>Retirer des comptes</translation>
    </message>
    <message>
        <source>Remove these {count} accounts from Consentinel?</source>
        <translation>Retirer ces {count} comptes de Consentinel ?</translation>
    </message>
    <message>
        <source>A check is running</source>
        <translation>Une vérification est en cours</translation>
    </message>
    <message>
        <source>Quit Consentinel and cancel the check?</source>
        <translation>Quitter Consentinel et annuler la vérification ?</translation>
    </message>
    <message>
        <source>What it already changed on X stays changed, and is in the journal. The accounts it has not reached yet are checked next time.</source>
        <translation>Ce qu'elle a déjà modifié sur X le reste, et figure dans le journal. Les comptes qu'elle n'a pas encore atteints seront vérifiés la prochaine fois.</translation>
    </message>
    <message>
        <source>Cancel the check and &amp;quit</source>
        <translation>Annuler la vérification et &amp;quitter</translation>
    </message>
    <message>
        <source>&amp;Keep checking</source>
        <translation>&amp;Continuer la vérification</translation>
    </message>
    <message>
        <source>You are signing in</source>
        <translation>Vous êtes en train de vous connecter</translation>
    </message>
    <message>
        <source>Quit Consentinel and close the sign-in window?</source>
        <translation>Quitter Consentinel et fermer la fenêtre de connexion ?</translation>
    </message>
    <message>
        <source>The sign-in is not finished: nothing is saved for the account. You can sign in again later with “Sign in yourself…”.</source>
        <translation>La connexion n'est pas terminée : rien n'est enregistré pour ce compte. Vous pourrez vous connecter plus tard avec « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>Close it and &amp;quit</source>
        <translation>La fermer et &amp;quitter</translation>
    </message>
    <message>
        <source>&amp;Keep signing in</source>
        <translation>&amp;Continuer la connexion</translation>
    </message>
    <message>
        <source>Close the sign-in window?</source>
        <translation>Fermer la fenêtre de connexion ?</translation>
    </message>
    <message>
        <source>&amp;Close the sign-in window</source>
        <translation>&amp;Fermer la fenêtre de connexion</translation>
    </message>
    <message>
        <source>Cancel the check?</source>
        <translation>Annuler la vérification ?</translation>
    </message>
    <message>
        <source>&amp;Cancel the check</source>
        <translation>&amp;Annuler la vérification</translation>
    </message>
    <message>
        <source>There is no account to check yet.</source>
        <translation>Il n'y a encore aucun compte à vérifier.</translation>
    </message>
    <message>
        <source>X keeps {box} on for {accounts} without showing it on its page: it cannot be switched off for now. Consentinel will switch it off as soon as X shows it.</source>
        <translation>X garde la case {box} cochée pour {accounts} sans l'afficher sur sa page : elle ne peut pas être décochée pour l'instant. Consentinel la décochera dès que X l'affichera.</translation>
    </message>
    <message>
        <source>X keeps boxes on without showing them on its page: {accounts}. They cannot be switched off for now; Consentinel will switch them off as soon as X shows them.</source>
        <translation>X garde des cases cochées sans les afficher sur sa page : {accounts}. Elles ne peuvent pas être décochées pour l'instant ; Consentinel les décochera dès que X les affichera.</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>@{handle} added. Choose “Check selected” once this check ends.</source>
        <translation>@{handle} ajouté. Choisissez « Vérifier la sélection » une fois cette vérification terminée.</translation>
    </message>
    <message>
        <source>@{handle} is being checked; edit it when its check ends</source>
        <translation>@{handle} est en cours de vérification ; modifiez-le quand sa vérification sera terminée</translation>
    </message>
    <message>
        <source>@{handle} saved: this check uses the changes when it reaches it.</source>
        <translation>@{handle} enregistré : cette vérification utilisera les modifications en arrivant à ce compte.</translation>
    </message>
    <message>
        <source>@{handle} removed.</source>
        <translation>@{handle} retiré.</translation>
    </message>
    <message>
        <source>{count} accounts removed.</source>
        <translation>{count} comptes retirés.</translation>
    </message>
    <message>
        <source>@{left}, selected with @{handle}, was not removed: remove it once the check ends.</source>
        <translation>@{left}, sélectionné avec @{handle}, n&apos;a pas été retiré : retirez-le une fois la vérification terminée.</translation>
    </message>
    <message>
        <source>{accounts}, selected with @{handle}, were not removed: remove them once the check ends.</source>
        <translation>{accounts}, sélectionnés avec @{handle}, n&apos;ont pas été retirés : retirez-les une fois la vérification terminée.</translation>
    </message>
    <message>
        <source>@{left}, selected after @{handle}, was not removed either: remove it once the keyring can delete its secrets.</source>
        <translation>@{left}, sélectionné après @{handle}, n&apos;a pas été retiré non plus : retirez-le une fois que le trousseau pourra supprimer ses secrets.</translation>
    </message>
    <message>
        <source>{accounts}, selected after @{handle}, were not removed either: remove them once the keyring can delete their secrets.</source>
        <translation>{accounts}, sélectionnés après @{handle}, n&apos;ont pas été retirés non plus : retirez-les une fois que le trousseau pourra supprimer leurs secrets.</translation>
    </message>
    <message>
        <source>X hides {box}, still on, on {count} accounts: it is switched off once X shows it.</source>
        <translation>X cache {box}, cochée, sur {count} comptes : Consentinel la décochera dès qu'il l'affichera.</translation>
    </message>
    <message>
        <source>X keeps some boxes ({box}) on for {count} accounts without showing them: Consentinel will switch them off once X shows them.</source>
        <translation>X garde des cases ({box}) cochées pour {count} comptes sans les afficher : Consentinel les décochera dès que X les affichera.</translation>
    </message>
    <message>
        <source>1 of {n} accounts could not be checked ({accounts}): {cause}</source>
        <translation>1 compte sur {n} n'a pas pu être vérifié ({accounts}) : {cause}</translation>
    </message>
    <message>
        <source>{bad} of {n} accounts could not be checked ({accounts}): {cause}</source>
        <translation>{bad} comptes sur {n} n'ont pas pu être vérifiés ({accounts}) : {cause}</translation>
    </message>
    <message>
        <source>Consentinel is still running in the notification area: its icon's menu opens the window again, or quits.</source>
        <translation>Consentinel reste ouvert dans la zone de notification : le menu de son icône rouvre la fenêtre ou quitte l'application.</translation>
    </message>
    <message>
        <source>Pa&amp;use automatic checks</source>
        <translation>Sus&amp;pendre les vérifications automatiques</translation>
    </message>
    <message>
        <source>Res&amp;ume automatic checks</source>
        <translation>Re&amp;prendre les vérifications automatiques</translation>
    </message>
    <message>
        <source>The check was cancelled before any account's check was over.</source>
        <translation>La vérification a été annulée avant qu'aucun compte ne soit vérifié jusqu'au bout.</translation>
    </message>
    <message>
        <source>Before the cancel, it switched off {boxes} on @{handle}.</source>
        <translation>Avant l'annulation, elle a décoché {boxes} sur @{handle}.</translation>
    </message>
    <message>
        <source>Before the cancel, it switched off boxes on {accounts}.</source>
        <translation>Avant l'annulation, elle a décoché des cases sur {accounts}.</translation>
    </message>
    <message>
        <source>It was stopped while unticking {box} on @{handle}: X may have switched it off; the next check reads it again.</source>
        <translation>Elle a été arrêtée en décochant {box} sur @{handle} : X l'a peut-être désactivée ; la prochaine vérification la relit.</translation>
    </message>
    <message>
        <source>It was stopped while unticking boxes that X may have switched off: {accounts}. The next check reads them again.</source>
        <translation>Elle a été arrêtée en décochant des cases que X a peut-être désactivées : {accounts}. La prochaine vérification les relit.</translation>
    </message>
    <message>
        <source>The check was cancelled before any account was checked.</source>
        <translation>La vérification a été annulée avant qu'aucun compte ne soit vérifié.</translation>
    </message>
    <message>
        <source>The check was cancelled once every account was checked: the rows say what was found, and the journal has it all.</source>
        <translation>La vérification a été annulée une fois tous les comptes vérifiés : les lignes disent ce qui a été trouvé, et le journal a tout.</translation>
    </message>
    <message>
        <source>The check was cancelled after 1 of {n} accounts: its row says what was found, and the journal has it all.</source>
        <translation>La vérification a été annulée après 1 compte sur {n} : sa ligne dit ce qui a été trouvé, et le journal a tout.</translation>
    </message>
    <message>
        <source>The check was cancelled after {done} of {n} accounts: their rows say what was found, and the journal has it all.</source>
        <translation>La vérification a été annulée après {done} comptes sur {n} : leurs lignes disent ce qui a été trouvé, et le journal a tout.</translation>
    </message>
    <message>
        <source>The browser runs without its sandbox here: see the Diagnostics tab of “About Consentinel”.</source>
        <translation>Le navigateur tourne ici sans son bac à sable : voir l'onglet Diagnostic de « À propos de Consentinel ».</translation>
    </message>
    <message>
        <source>Added back from the journal: {handles}. Their passwords, 2FA secrets and saved sessions are used as before; an email address or phone number is not in the journal.</source>
        <translation>Remis dans la liste d'après le journal : {handles}. Leurs mots de passe, secrets 2FA et sessions enregistrées servent comme avant ; une adresse e-mail ou un numéro de téléphone ne figure pas dans le journal.</translation>
    </message>
    <message>
        <source>The accounts were not all added back: {problem}</source>
        <translation>Les comptes n'ont pas tous été rajoutés : {problem}</translation>
    </message>
    <message>
        <source>Added back: {handles}.</source>
        <translation>Remis dans la liste : {handles}.</translation>
    </message>
    <message>
        <source>The accounts were not all added back</source>
        <translation>Les comptes n'ont pas tous été rajoutés</translation>
    </message>
    <message>
        <source>Which boxes to keep off</source>
        <translation>Quelles cases garder décochées</translation>
    </message>
    <message>
        <source>The journal does not say which boxes these accounts kept off, as they were added by an older Consentinel: {handles}. They keep every box off, as accounts do by default; edit them before the next check if you had chosen to leave some on.</source>
        <translation>Le journal ne dit pas quelles cases ces comptes gardaient décochées, car ils ont été ajoutés par une version plus ancienne de Consentinel : {handles}. Ils gardent toutes les cases décochées, comme les comptes par défaut ; modifiez-les avant la prochaine vérification si vous aviez choisi d'en laisser cochées.</translation>
    </message>
    <message>
        <source>The data folder {folder} was deleted while Consentinel was open: the account list, the journal and the screenshots it held are gone, and Consentinel starts again there, empty. The passwords and 2FA secrets of those accounts are still in the keyring: add the accounts again to use them, or delete them with your keyring's manager.</source>
        <translation>Le dossier de données {folder} a été supprimé pendant que Consentinel était ouvert : la liste des comptes, le journal et les captures d'écran qu'il contenait ont disparu, et Consentinel y repart à vide. Les mots de passe et secrets 2FA de ces comptes sont toujours dans le trousseau : ajoutez à nouveau les comptes pour vous en servir, ou supprimez-les avec le gestionnaire de votre trousseau.</translation>
    </message>
    <message>
        <source>The data folder was deleted</source>
        <translation>Le dossier de données a été supprimé</translation>
    </message>
    <message>
        <source>The data folder {folder} was deleted while Consentinel was open: the journal, the screenshots and the saved sessions it held are gone, and a new journal begins there. Your accounts are still listed, with their passwords and 2FA secrets in the keyring; the next check signs in to X again.</source>
        <translation>Le dossier de données {folder} a été supprimé pendant que Consentinel était ouvert : le journal, les captures d'écran et les sessions enregistrées qu'il contenait ont disparu, et un nouveau journal y commence. Vos comptes sont toujours dans la liste, avec leurs mots de passe et secrets 2FA dans le trousseau ; la prochaine vérification se reconnectera à X.</translation>
    </message>
    <message>
        <source>The journal was replaced</source>
        <translation>Le journal a été remplacé</translation>
    </message>
    <message>
        <source>The journal was deleted</source>
        <translation>Le journal a été supprimé</translation>
    </message>
    <message>
        <source>Another journal took the place of {path} while Consentinel was open (`consentinel log --start-over` in a terminal, or a journal moved there): Consentinel now reads and writes the one found there.</source>
        <translation>Un autre journal a pris la place de {path} pendant que Consentinel était ouvert (`consentinel log --start-over` dans un terminal, ou un journal déplacé là) : Consentinel lit et écrit désormais celui qui s'y trouve.</translation>
    </message>
    <message>
        <source>The journal {path} was deleted while Consentinel was open: the checks and changes it recorded are gone, and a new journal begins there. Your accounts, their passwords and 2FA secrets in the keyring, their saved sessions and the screenshots are untouched.</source>
        <translation>Le journal {path} a été supprimé pendant que Consentinel était ouvert : les vérifications et les changements qu'il consignait ont disparu, et un nouveau journal commence à sa place. Vos comptes, leurs mots de passe et secrets 2FA dans le trousseau, leurs sessions enregistrées et les captures d'écran sont intacts.</translation>
    </message>
    <message>
        <source>Next automatic check: set when this check ends</source>
        <translation>Prochaine vérification automatique : fixée à la fin de cette vérification</translation>
    </message>
    <message>
        <source>X had switched a box back on: {accounts}. It is off again.</source>
        <translation>Case recochée par X, de nouveau décochée : {accounts}.</translation>
    </message>
    <message>
        <source>The keyring is locked: saving or using a password asks to unlock it.</source>
        <translation>Le trousseau est verrouillé : enregistrer ou utiliser un mot de passe demande de le déverrouiller.</translation>
    </message>
    <message>
        <source>Passwords cannot be saved: no keyring can be used.</source>
        <translation>Les mots de passe ne peuvent pas être enregistrés : aucun trousseau utilisable.</translation>
    </message>
    <message>
        <source>The account was checked, but not every box is off.</source>
        <translation>Le compte est vérifié, mais toutes les cases ne sont pas décochées.</translation>
    </message>
    <message>
        <source>All {n} accounts checked: every box X's page shows is off.</source>
        <translation>Les {n} comptes sont vérifiés : les cases affichées par X sont toutes décochées.</translation>
    </message>
    <message>
        <source>{count} accounts added. Choose “Check selected” once this check ends.</source>
        <translation>{count} comptes ajoutés. Choisissez « Vérifier la sélection » une fois cette vérification terminée.</translation>
    </message>
    <message>
        <source>{count} accounts added. Choose “Check selected” to protect them now.</source>
        <translation>{count} comptes ajoutés. Choisissez « Vérifier la sélection » pour les protéger maintenant.</translation>
    </message>
    <message>
        <source>1 off</source>
        <translation>1 décoché</translation>
    </message>
    <message>
        <source>{count} off</source>
        <translation>{count} décochés</translation>
    </message>
    <message>
        <source>1 would be fixed</source>
        <translation>1 serait corrigé</translation>
    </message>
    <message>
        <source>{count} would be fixed</source>
        <translation>{count} seraient corrigés</translation>
    </message>
    <message>
        <source>1 needs you</source>
        <translation>1 a besoin de vous</translation>
    </message>
    <message>
        <source>{count} need you</source>
        <translation>{count} ont besoin de vous</translation>
    </message>
    <message>
        <source>1 could not be checked</source>
        <translation>1 n&apos;a pas pu être vérifié</translation>
    </message>
    <message>
        <source>{count} could not be checked</source>
        <translation>{count} n&apos;ont pas pu être vérifiés</translation>
    </message>
    <message>
        <source>1 cancelled</source>
        <translation>1 annulé</translation>
    </message>
    <message>
        <source>{count} cancelled</source>
        <translation>{count} annulés</translation>
    </message>
    <message>
        <source>both would be fixed</source>
        <translation>les deux seraient corrigés</translation>
    </message>
    <message>
        <source>all would be fixed</source>
        <translation>tous seraient corrigés</translation>
    </message>
    <message>
        <source>both need you</source>
        <translation>les deux ont besoin de vous</translation>
    </message>
    <message>
        <source>all need you</source>
        <translation>tous ont besoin de vous</translation>
    </message>
    <message>
        <source>Neither account could be checked{named}.</source>
        <translation>Aucun des deux comptes n&apos;a pu être vérifié{named}.</translation>
    </message>
    <message>
        <source>None of the {n} accounts could be checked{named}.</source>
        <translation>Aucun des {n} comptes n&apos;a pu être vérifié{named}.</translation>
    </message>
    <message>
        <source>tried again at the next check</source>
        <translation>nouvel essai à la prochaine vérification</translation>
    </message>
    <message>
        <source>Checked {n} accounts: {parts}.</source>
        <translation>{n} comptes vérifiés : {parts}.</translation>
    </message>
    <message>
        <source>@{handle}: {status}</source>
        <translation>@{handle} : {status}</translation>
    </message>
    <message>
        <source>Select it to read why.</source>
        <translation>Sélectionnez-le pour savoir pourquoi.</translation>
    </message>
    <message>
        <source>Select one to read why.</source>
        <translation>Sélectionnez-en un pour savoir pourquoi.</translation>
    </message>
    <message>
        <source>@{handle} could not be checked.</source>
        <translation>@{handle} n&apos;a pas pu être vérifié.</translation>
    </message>
    <message>
        <source>No account could be checked.</source>
        <translation>Aucun compte n&apos;a pu être vérifié.</translation>
    </message>
</context>
<context>
    <name>NoMatch</name>
    <message>
        <source>Show every account</source>
        <translation>Afficher tous les comptes</translation>
    </message>
    <message>
        <source>Empties the filter (Escape in the filter does too).</source>
        <translation>Vide le filtre (Échap dans le filtre aussi).</translation>
    </message>
    <message>
        <source>No account matches “{words}”.</source>
        <translation>Aucun compte ne correspond à « {words} ».</translation>
    </message>
</context>
<context>
    <name>RowHints</name>
    <message>
        <source>X does not know this account. Check how it is spelt on X: if it is wrong, remove the account and add it again. Scheduled checks no longer sign in to it until a sign-in succeeds.</source>
        <translation>X ne connaît pas ce compte. Vérifiez son orthographe sur X : si elle est fausse, supprimez le compte et ajoutez-le de nouveau. Les vérifications planifiées ne s'y connectent plus tant qu'une connexion n'a pas réussi.</translation>
    </message>
    <message>
        <source>X refused the two-factor code typed at this sign-in, and another wrong code may get X to lock the account. Wait for your authenticator app to show a new code before you use “Sign in yourself…”, or save the account's 2FA secret with “Edit account…” so that checks make the code themselves.</source>
        <translation>X a refusé le code de double authentification saisi à cette connexion, et un code faux de plus pourrait amener X à verrouiller le compte. Attendez que votre application d'authentification affiche un nouveau code avant d'utiliser « Se connecter soi-même… », ou enregistrez le secret 2FA du compte avec « Modifier le compte… » pour que les vérifications produisent le code elles-mêmes.</translation>
    </message>
    <message>
        <source>X refused both codes typed at this sign-in from the email or SMS it sent, and another wrong code may get X to lock the account. Type the code of X's latest email or SMS when you use “Sign in yourself…”.</source>
        <translation>X a refusé les deux codes saisis à cette connexion depuis l'e-mail ou le SMS qu'il a envoyé, et un code faux de plus pourrait amener X à verrouiller le compte. Saisissez le code du dernier e-mail ou SMS de X quand vous utiliserez « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>X refused the code typed at this sign-in from the email or SMS it sent, and another wrong code may get X to lock the account. Type the code of X's latest email or SMS when you use “Sign in yourself…”.</source>
        <translation>X a refusé le code saisi à cette connexion depuis l'e-mail ou le SMS qu'il a envoyé, et un code faux de plus pourrait amener X à verrouiller le compte. Saisissez le code du dernier e-mail ou SMS de X quand vous utiliserez « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>“Edit account…”.</source>
        <translation>« Modifier le compte… ».</translation>
    </message>
    <message>
        <source>sign in on x.com, then use “Sign in yourself…”.</source>
        <translation>connectez-vous sur x.com, puis utilisez « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>You can still use “Sign in yourself…”.</source>
        <translation>Vous pouvez toujours utiliser « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>X refused the code made from the saved 2FA secret, and Consentinel makes no code from it again. X answers so to a wrong code, but also when it holds sign-ins back for a while, so the secret may be right. If it is this account's and this computer's clock is right, put it back with “Use the saved 2FA secret again” in “Edit account…” (a few hours from now, in case X was holding sign-ins back); else save the right one there. Or use “Sign in yourself…”.</source>
        <translation>X a refusé le code produit par le secret 2FA enregistré, et Consentinel n'en produit plus aucun. X répond ainsi à un code faux, mais aussi quand il retient les connexions pendant un temps : le secret est donc peut-être bon. S'il est bien celui de ce compte et que l'horloge de cet ordinateur est à l'heure, remettez-le en service avec « Remettre en service le secret 2FA enregistré » dans « Modifier le compte… » (dans quelques heures, au cas où X retenait les connexions) ; sinon, enregistrez-y le bon. Ou utilisez « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>X asks for a two-factor code, and the 2FA secret saved in the keyring for this account is not a valid one (a setup key is letters A to Z and digits 2 to 7), so no code could be made from it. Save the right one with “Edit account…”, or remove it there and use “Sign in yourself…”.</source>
        <translation>X demande un code de double authentification, et le secret 2FA enregistré dans le trousseau pour ce compte n'est pas valide (une clé de configuration ne contient que les lettres A à Z et les chiffres 2 à 7), aussi aucun code n'a pu en être produit. Enregistrez le bon avec « Modifier le compte… », ou supprimez-le là et utilisez « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>X did not take the code made from the saved 2FA secret, without saying it was wrong. Use “Sign in yourself…”; checks will use the secret again after that.</source>
        <translation>X n'a pas accepté le code produit par le secret 2FA enregistré, sans dire qu'il était faux. Utilisez « Se connecter soi-même… » ; les vérifications utiliseront de nouveau le secret ensuite.</translation>
    </message>
    <message>
        <source>X refused the two-factor codes typed at this sign-in, and another wrong code may get X to lock the account. Wait for your authenticator app to show a new code before you use “Sign in yourself…”, or save the account's 2FA secret with “Edit account…” so that checks make the code themselves.</source>
        <translation>X a refusé les codes de double authentification saisis à cette connexion, et un code faux de plus pourrait amener X à verrouiller le compte. Attendez que votre application d'authentification affiche un nouveau code avant d'utiliser « Se connecter soi-même… », ou enregistrez le secret 2FA du compte avec « Modifier le compte… » pour que les vérifications produisent le code elles-mêmes.</translation>
    </message>
    <message>
        <source>X asks for a two-factor code. Save the account's 2FA secret with “Edit account…”, or use “Sign in yourself…”.</source>
        <translation>X demande un code de double authentification. Enregistrez le secret 2FA du compte avec « Modifier le compte… », ou utilisez « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>X sent a code by email or SMS. Use “Sign in yourself…” to enter it.</source>
        <translation>X a envoyé un code par e-mail ou SMS. Utilisez « Se connecter soi-même… » pour le saisir.</translation>
    </message>
    <message>
        <source>X shows a captcha. Use “Sign in yourself…” to solve it.</source>
        <translation>X affiche un captcha. Utilisez « Se connecter soi-même… » pour le résoudre.</translation>
    </message>
    <message>
        <source>X asks to confirm the account's email or phone. Add it with “Edit account…”, or use “Sign in yourself…”. To find it, open X where you are signed in (its app, or x.com): Settings and privacy › Your account › Account information.</source>
        <translation>X demande de confirmer l'e-mail ou le téléphone du compte. Ajoutez-le avec « Modifier le compte… », ou utilisez « Se connecter soi-même… ». Pour le retrouver, ouvrez X là où vous êtes connecté (son application, ou x.com) : Paramètres et confidentialité › Votre compte › Informations sur le compte.</translation>
    </message>
    <message>
        <source>X refused the sign-in for now; Consentinel waits before trying again. You can still use “Sign in yourself…”.</source>
        <translation>X a refusé la connexion pour l'instant ; Consentinel attend avant de réessayer. Vous pouvez quand même utiliser « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>X locked the account until you verify it. Sign in on x.com, then use “Sign in yourself…”.</source>
        <translation>X a verrouillé le compte jusqu'à ce que vous le vérifiiez. Connectez-vous sur x.com, puis utilisez « Se connecter soi-même… ».</translation>
    </message>
    <message>
        <source>X ended the saved session and Consentinel could not sign in again by itself. Use “Sign in yourself…”, or save the password with “Edit account…”.</source>
        <translation>X a mis fin à la session enregistrée et Consentinel n'a pas pu se reconnecter seul. Utilisez « Se connecter soi-même… », ou enregistrez le mot de passe avec « Modifier le compte… ».</translation>
    </message>
    <message>
        <source>X said the saved password is wrong. It will not be tried again until you change it with “Edit account…”.</source>
        <translation>X indique que le mot de passe enregistré est faux. Il ne sera plus essayé tant que vous ne l'aurez pas changé avec « Modifier le compte… ».</translation>
    </message>
    <message>
        <source>Consentinel could not start a browser. Choose one in “Settings…”, or check again to be offered a download of Chromium. The Diagnostics tab of “About Consentinel” shows what this computer has.</source>
        <translation>Consentinel n'a pas pu lancer de navigateur. Choisissez-en un dans « Paramètres… », ou vérifiez à nouveau pour qu'on vous propose de télécharger Chromium. L'onglet Diagnostic de « À propos de Consentinel » montre ce que cet ordinateur possède.</translation>
    </message>
    <message>
        <source>The browser stopped unexpectedly during the check, before its end. Check again; if it keeps happening, see the Diagnostics tab of “About Consentinel”.</source>
        <translation>Le navigateur s'est arrêté pendant la vérification, avant sa fin. Vérifiez à nouveau ; si cela se répète, consultez l'onglet Diagnostic de « À propos de Consentinel ».</translation>
    </message>
    <message>
        <source>No automatic sign-in before {when}.</source>
        <translation>Pas de connexion automatique avant le {when}.</translation>
    </message>
    <message>
        <source>Consentinel has no session and no password for this account. Use “Sign in yourself…”, or save the password with “Edit account…”.</source>
        <translation>Consentinel n'a ni session ni mot de passe pour ce compte. Utilisez « Se connecter soi-même… », ou enregistrez le mot de passe avec « Modifier le compte… ».</translation>
    </message>
    <message>
        <source>X asked to slow down: Consentinel sends no request for this account before {when}.</source>
        <translation>X a demandé de ralentir : Consentinel n'envoie aucune requête pour ce compte avant le {when}.</translation>
    </message>
    <message>
        <source>X asked to slow down at this check; the next check tries again.</source>
        <translation>X a demandé de ralentir lors de cette vérification ; la prochaine réessaiera.</translation>
    </message>
    <message>
        <source>Consentinel could not check this account's boxes, and some may be on. Until it is updated for X's new page, check them yourself on x.com (Settings and privacy › Privacy and safety › Grok &amp; Third-party Collaborators), and look for an update of Consentinel.</source>
        <translation>Consentinel n'a pas pu vérifier les cases de ce compte, et certaines sont peut-être cochées. Tant qu'il n'est pas mis à jour pour la nouvelle page de X, vérifiez-les vous-même sur x.com (Paramètres et confidentialité › Confidentialité et sécurité › Grok et collaborateurs tiers), et cherchez une mise à jour de Consentinel.</translation>
    </message>
    <message>
        <source>A screenshot of the page was saved: it is in the Journal (Ctrl+J).</source>
        <translation>Une capture d'écran de la page a été enregistrée : elle est dans le Journal (Ctrl+J).</translation>
    </message>
</context>
<context>
    <name>SafetyNet</name>
    <message>
        <location filename="../../desktop/consentinel/gui/safety_net.py" line="56"/>
        <source>Something went wrong inside Consentinel ({problem}). The app keeps running; what you were doing may not have finished. The details are in the log: {log}. If it happens again, please report it with that file.</source>
        <translation>Un problème est survenu dans Consentinel ({problem}). L&apos;application continue de fonctionner ; ce que vous faisiez n&apos;est peut-être pas terminé. Les détails sont dans le fichier journal technique : {log}. Si cela se reproduit, signalez-le avec ce fichier.</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/safety_net.py" line="69"/>
        <source>Unexpected problem</source>
        <translation>Problème inattendu</translation>
    </message>
</context>
<context>
    <name>SortMenu</name>
    <message>
        <source>S&amp;ort accounts by</source>
        <translation>&amp;Trier les comptes par</translation>
    </message>
    <message>
        <source>&amp;As added</source>
        <translation>&amp;Ordre d&apos;ajout</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>Ordre &amp;décroissant</translation>
    </message>
</context>
<context>
    <name>TimeWords</name>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="22"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="23"/>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="28"/>
        <source>in 1 minute</source>
        <translation>dans 1 minute</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="30"/>
        <source>in {n} minutes</source>
        <translation>dans {n} minutes</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="34"/>
        <source>1 minute ago</source>
        <translation>il y a 1 minute</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="36"/>
        <source>{n} minutes ago</source>
        <translation>il y a {n} minutes</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="42"/>
        <source>in 1 hour</source>
        <translation>dans 1 heure</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="44"/>
        <source>in {n} hours</source>
        <translation>dans {n} heures</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="48"/>
        <source>1 hour ago</source>
        <translation>il y a 1 heure</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/time_words.py" line="50"/>
        <source>{n} hours ago</source>
        <translation>il y a {n} heures</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>{app} — checking: {done} of {total} accounts done</source>
        <translation>{app} — en cours : {done} comptes vérifiés sur {total}</translation>
    </message>
    <message>
        <source>{app} — checking: {done} of {total} accounts done</source>
        <comment>none or one done</comment>
        <translation>{app} — en cours : {done} compte vérifié sur {total}</translation>
    </message>
    <message>
        <source>{app} — last check cancelled, after it switched off boxes on {accounts}</source>
        <translation>{app} — dernière vérification annulée, après avoir décoché des cases sur {accounts}</translation>
    </message>
    <message>
        <source>{app} — last check cancelled while it was switching off a box on {accounts}</source>
        <translation>{app} — dernière vérification annulée pendant qu'elle décochait une case sur {accounts}</translation>
    </message>
    <message>
        <source>{app} — last check cancelled</source>
        <translation>{app} — dernière vérification annulée</translation>
    </message>
    <message>
        <source>1 account needs you</source>
        <translation>1 compte a besoin de vous</translation>
    </message>
    <message>
        <source>{n} accounts need you</source>
        <translation>{n} comptes ont besoin de vous</translation>
    </message>
    <message>
        <source>1 account could not be checked</source>
        <translation>1 compte n'a pas pu être vérifié</translation>
    </message>
    <message>
        <source>{n} accounts could not be checked</source>
        <translation>{n} comptes n'ont pas pu être vérifiés</translation>
    </message>
    <message>
        <source>all accounts fine</source>
        <translation>tous les comptes vont bien</translation>
    </message>
    <message>
        <source>{app} — last check: {what}</source>
        <translation>{app} — dernière vérification : {what}</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/tray.py" line="50"/>
        <source>&amp;Check all now</source>
        <translation>&amp;Tout vérifier maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/tray.py" line="53"/>
        <source>&amp;Open Consentinel</source>
        <translation>&amp;Ouvrir Consentinel</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/tray.py" line="55"/>
        <source>Res&amp;ume automatic checks</source>
        <translation>Re&amp;prendre les vérifications automatiques</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/tray.py" line="55"/>
        <source>Pa&amp;use automatic checks</source>
        <translation>Sus&amp;pendre les vérifications automatiques</translation>
    </message>
    <message>
        <location filename="../../desktop/consentinel/gui/tray.py" line="59"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>1 account with a box still on at X</source>
        <translation>1 compte avec une case encore cochée chez X</translation>
    </message>
    <message>
        <source>{n} accounts with boxes still on at X</source>
        <translation>{n} comptes avec des cases encore cochées chez X</translation>
    </message>
    <message>
        <source>Checking… {done} of {total}</source>
        <translation>Vérification… {done} sur {total}</translation>
    </message>
    <message>
        <source>No check since Consentinel started</source>
        <translation>Aucune vérification depuis le démarrage de Consentinel</translation>
    </message>
    <message>
        <source>Last check cancelled before any account was checked</source>
        <translation>Dernière vérification annulée avant qu'aucun compte ne soit vérifié</translation>
    </message>
    <message>
        <source>Last check cancelled once every account was checked</source>
        <translation>Dernière vérification annulée une fois tous les comptes vérifiés</translation>
    </message>
    <message>
        <source>Last check cancelled after {done} of {total} accounts</source>
        <comment>one done</comment>
        <translation>Dernière vérification annulée après {done} compte sur {total}</translation>
    </message>
    <message>
        <source>Last check cancelled after {done} of {total} accounts</source>
        <translation>Dernière vérification annulée après {done} comptes sur {total}</translation>
    </message>
    <message>
        <source>@{handle}: boxes off at X</source>
        <translation>@{handle} : cases décochées chez X</translation>
    </message>
    <message>
        <source>All {n} accounts: boxes off at X</source>
        <translation>Les {n} comptes : cases décochées chez X</translation>
    </message>
    <message>
        <source>No account needs you</source>
        <translation>Aucun compte n'a besoin de vous</translation>
    </message>
    <message>
        <source>&amp;Show the account that needs you</source>
        <translation>&amp;Afficher le compte qui a besoin de vous</translation>
    </message>
    <message>
        <source>&amp;Show the accounts that need you</source>
        <translation>&amp;Afficher les comptes qui ont besoin de vous</translation>
    </message>
</context>
</TS>
