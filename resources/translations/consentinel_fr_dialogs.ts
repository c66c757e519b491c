<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="104" />
            <source>About Consentinel</source>
            <translation>À propos de Consentinel</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="118" />
            <source>Keeps your X accounts out of AI training, and keeps them out: it unticks the boxes on X's Grok settings page and checks them again on a schedule.</source>
            <translation>Tient vos comptes X à l'écart de l'entraînement de l'IA, durablement : il décoche les cases de la page des paramètres Grok de X et les revérifie selon un calendrier.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="122" />
            <source>Everything stays on this computer: passwords in the system keyring, the journal in your data folder. Consentinel only visits X.</source>
            <translation>Tout reste sur cet ordinateur : les mots de passe dans le trousseau du système, le journal dans votre dossier de données. Consentinel ne visite que X.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="126" />
            <source>Free software under the &lt;a href='{url}'&gt;GNU General Public License, version 3 or later&lt;/a&gt; (GPL-3.0-or-later). It comes with no warranty.</source>
            <translation>Logiciel libre sous &lt;a href='{url}'&gt;licence publique générale GNU, version 3 ou ultérieure&lt;/a&gt; (GPL-3.0-or-later). Il est fourni sans aucune garantie.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="130" />
            <source>Source code and bug reports</source>
            <translation>Code source et signalement de bogues</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="132" />
            <source>X's help page about Grok</source>
            <translation>Page d'aide de X sur Grok</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="144" />
            <source>Diagnostics</source>
            <translation>Diagnostic</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="146" />
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="170" />
            <source>Checking this computer…</source>
            <translation>Vérification de cet ordinateur…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="147" />
            <source>Check a&amp;gain</source>
            <translation>&amp;Vérifier à nouveau</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="155" />
            <source>&amp;About</source>
            <translation>À &amp;propos</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="156" />
            <source>&amp;Diagnostics</source>
            <translation>&amp;Diagnostic</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="158" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="184" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="184" />
            <source>To fix</source>
            <translation>À corriger</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="184" />
            <source>Note</source>
            <translation>À noter</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="186" />
            <source>What to do:</source>
            <translation>Que faire :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="200" />
            <source>Everything Consentinel needs is here.</source>
            <translation>Tout ce dont Consentinel a besoin est présent.</translation>
        </message>
        <message>
            <source>Consentinel has what it needs, but read the note below.</source>
            <translation>Consentinel a ce qu'il lui faut, mais lisez la ligne « À noter » ci-dessous.</translation>
        </message>
        <message>
            <source>Consentinel has what it needs, but read the {count} notes below.</source>
            <translation>Consentinel a ce qu'il lui faut, mais lisez les {count} lignes « À noter » ci-dessous.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="203" />
            <source>1 thing to fix.</source>
            <translation>1 point à corriger.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/about_dialog.py" line="205" />
            <source>{count} things to fix.</source>
            <translation>{count} points à corriger.</translation>
        </message>
    </context>
    <context>
        <name>AccountDialog</name>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="55" />
            <source>Edit @{handle}</source>
            <translation>Modifier @{handle}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="55" />
            <source>Add an account</source>
            <translation>Ajouter un compte</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="59" />
            <source>@name</source>
            <translation>@nom</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="60" />
            <source>X handle</source>
            <translation>Identifiant X</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="63" />
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="66" />
            <source>2FA secret</source>
            <translation>Secret 2FA</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="67" />
            <source>Optional: setup key or otpauth:// link</source>
            <translation>Facultatif : clé de configuration ou lien otpauth://</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="68" />
            <source>Sho&amp;w password and secret</source>
            <translation>&amp;Afficher le mot de passe et le secret</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="71" />
            <source>Email</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="72" />
            <source>Optional: name@example.com</source>
            <translation>Facultatif : nom@exemple.fr</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="74" />
            <source>Phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="75" />
            <source>Optional: +33 6 12 34 56 78</source>
            <translation>Facultatif : +33 6 12 34 56 78</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="77" />
            <source>Your X password</source>
            <translation>Votre mot de passe X</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="79" />
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="80" />
            <source>Leave empty to change nothing</source>
            <translation>Laisser vide pour ne rien changer</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="90" />
            <source>X &amp;handle:</source>
            <translation>&amp;Identifiant X :</translation>
        </message>
        <message>
            <source>X handle:</source>
            <translation>Identifiant X :</translation>
        </message>
        <message>
            <source>Perso&amp;nalization</source>
            <translation>&amp;Personnalisation</translation>
        </message>
        <message>
            <source>&amp;Memory</source>
            <translation>Mém&amp;oire</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="91" />
            <source>&amp;Password:</source>
            <translation>&amp;Mot de passe :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="92" />
            <source>&amp;2FA secret:</source>
            <translation>&amp;Secret 2FA :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="93" />
            <source>&amp;Email:</source>
            <translation>E-mai&amp;l :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="94" />
            <source>Ph&amp;one:</source>
            <translation>&amp;Téléphone :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="110" />
            <source>Switch off on X:</source>
            <translation>Désactiver sur X :</translation>
        </message>
        <message>
            <source>Switch off on X</source>
            <translation>Désactiver sur X</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="120" />
            <source>Training is always switched off.</source>
            <translation>L'entraînement est toujours désactivé.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="126" />
            <source>Where secrets are stored</source>
            <translation>Où sont rangés les secrets</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="133" />
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="137" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="153" />
            <source>To use another handle, remove this account and add the new one.</source>
            <translation>Pour utiliser un autre identifiant, retirez ce compte et ajoutez le nouveau.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="188" />
            <source>Secrets cannot be stored. {problem}</source>
            <translation>Impossible d'enregistrer les secrets. {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="1" />
            <source>Looking at the keyring…</source>
            <translation>Consentinel regarde le trousseau…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="194" />
            <source>Password and 2FA secret are kept by {keyring}, never in a file.</source>
            <translation>Le mot de passe et le secret 2FA sont gardés par {keyring}, jamais dans un fichier.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="233" />
            <source>@{handle} is already in your accounts.</source>
            <translation>@{handle} fait déjà partie de vos comptes.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="238" />
            <source>No password? If this account signs in to X with Google or Apple, save it without one, then use “Sign in yourself…” once: Consentinel keeps that session.</source>
            <translation>Pas de mot de passe ? Si ce compte se connecte à X avec Google ou Apple, enregistrez-le sans, puis utilisez une fois « Se connecter soi-même… » : Consentinel garde cette session.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="285" />
            <location filename="../../desktop/consentinel/gui/account_dialog.py" line="294" />
            <source>Nothing was saved: {problem}</source>
            <translation>Rien n'a été enregistré : {problem}</translation>
        </message>
        <message>
            <source>@{handle} saved. It had been changed meanwhile, by the command line or another window: those changes were kept, except where you changed the same detail here.</source>
            <translation>@{handle} enregistré. Il avait été modifié entre-temps, par la ligne de commande ou une autre fenêtre : ces modifications ont été gardées, sauf là où vous avez modifié le même détail ici.</translation>
        </message>
        <message>
            <source>No 2FA secret is saved for @{handle} any more, so there is none to use again: type one in “2FA secret” to save it.</source>
            <translation>Aucun secret 2FA n'est plus enregistré pour @{handle}, il n'y en a donc aucun à utiliser de nouveau : tapez-en un dans « Secret 2FA » pour l'enregistrer.</translation>
        </message>
        <message>
            <source>The 2FA secret saved for @{handle} is not a valid one (a setup key is letters A to Z and digits 2 to 7), so no code can be made from it: type the right one in “2FA secret”, or tick “Remove the saved 2FA secret”.</source>
            <translation>Le secret 2FA enregistré pour @{handle} n'est pas valide (une clé de configuration ne contient que les lettres A à Z et les chiffres 2 à 7), aussi aucun code ne peut en être produit : tapez le bon dans « Secret 2FA », ou cochez « Retirer le secret 2FA enregistré ».</translation>
        </message>
        <message>
            <source>Nothing was saved.</source>
            <translation>Rien n'a été enregistré.</translation>
        </message>
        <message>
            <source>@{handle} was added meanwhile, by the command line or another window: nothing was saved, and the secrets it was added with were left as they were.</source>
            <translation>@{handle} a été ajouté entre-temps, par la ligne de commande ou une autre fenêtre : rien n'a été enregistré, et les secrets avec lesquels il a été ajouté sont restés tels quels.</translation>
        </message>
        <message>
            <source>Each setting ticked here is switched off on X's Grok settings page, and switched off again whenever X turns it back on. Training is always switched off.</source>
            <translation>Chaque réglage coché ici est désactivé sur la page des paramètres Grok de X, et de nouveau désactivé chaque fois que X le réactive. L'entraînement est toujours désactivé.</translation>
        </message>
        <message>
            <source>Leave it empty, and Consentinel asks you for your authenticator app's code when X asks for one. Fill it only with the setup key X showed when you turned on two-factor authentication.</source>
            <translation>Laissez-le vide, et Consentinel vous demandera le code de votre application d'authentification quand X en demandera un. Ne le remplissez qu'avec la clé de configuration que X a affichée quand vous avez activé la double authentification.</translation>
        </message>
        <message>
            <source>Fill it only with the setup key X showed when you turned on two-factor authentication. Without one, Consentinel asks you for your authenticator app's code when X asks for one.</source>
            <translation>Ne le remplissez qu'avec la clé de configuration que X a affichée quand vous avez activé la double authentification. Sans elle, Consentinel vous demandera le code de votre application d'authentification quand X en demandera un.</translation>
        </message>
        <message>
            <source>The account's current password</source>
            <translation>Le mot de passe actuel du compte</translation>
        </message>
        <message>
            <source>The password is only spaces, most likely a slip: type the account's password, or empty the field.</source>
            <translation>Le mot de passe n'est fait que d'espaces, sans doute par erreur : saisissez le mot de passe du compte, ou videz le champ.</translation>
        </message>
        <message>
            <source>X said the saved password is wrong: type the account's current password. Checks sign in with it once it is saved.</source>
            <translation>X a répondu que le mot de passe enregistré est faux : saisissez le mot de passe actuel du compte. Les vérifications se connecteront avec lui une fois enregistré.</translation>
        </message>
        <message>
            <source>&amp;Use the saved 2FA secret again</source>
            <translation>Remettre en service le secret 2FA enre&amp;gistré</translation>
        </message>
        <message>
            <source>X refused a code made from it, and checks make none from it since. X also refuses codes while it holds sign-ins back for a while: tick this if the secret is this account's and this computer's clock is right.</source>
            <translation>X a refusé un code produit par ce secret, et les vérifications n'en produisent plus depuis. X refuse aussi les codes quand il retient les connexions pendant un temps : cochez ceci si le secret est bien celui de ce compte et que l'horloge de cet ordinateur est à l'heure.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_fields.py" line="230" />
            <source>A 2FA secret is saved for this account.</source>
            <translation>Un secret 2FA est enregistré pour ce compte.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/account_fields.py" line="232" />
            <source>No 2FA secret is saved for this account.</source>
            <translation>Aucun secret 2FA n'est enregistré pour ce compte.</translation>
        </message>
        <message>
            <source>&amp;Remove the saved 2FA secret</source>
            <translation>&amp;Retirer le secret 2FA enregistré</translation>
        </message>
        <message>
            <source>For an account whose 2FA was turned off on X, or whose secret should not stay in the keyring. Nothing changes if none is saved.</source>
            <translation>Pour un compte dont la 2FA a été désactivée sur X, ou dont le secret ne doit pas rester dans le trousseau. Rien ne change si aucun n'est enregistré.</translation>
        </message>
        <message>
            <source>Account saved</source>
            <translation>Compte enregistré</translation>
        </message>
        <message>
            <source>Save and add &amp;another</source>
            <translation>Enregistrer et en a&amp;jouter un autre</translation>
        </message>
        <message>
            <source>Save this account, then add the next one in this same dialog</source>
            <translation>Enregistrer ce compte, puis ajouter le suivant dans cette même fenêtre</translation>
        </message>
        <message>
            <source>@{handle} saved. Add the next one.</source>
            <translation>@{handle} enregistré. Ajoutez le suivant.</translation>
        </message>
        <message>
            <source>The check of @{handle} began meanwhile: nothing was saved. Save again once its check ends.</source>
            <translation>La vérification de @{handle} a commencé entre-temps : rien n'a été enregistré. Enregistrez de nouveau une fois sa vérification terminée.</translation>
        </message>
    </context>
    <context>
        <name>DialogWords</name>
        <message>
            <source>History erased</source>
            <translation>Historique effacé</translation>
        </message>
        <message>
            <source>Erased entry</source>
            <translation>Entrée effacée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="15" />
            <source>Training</source>
            <translation>Entraînement</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="16" />
            <source>Personalization</source>
            <translation>Personnalisation</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="17" />
            <source>Memory</source>
            <translation>Mémoire</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="20" />
            <source>Use my posts and Grok conversations to train AI</source>
            <translation>Utiliser mes publications et conversations Grok pour entraîner l'IA</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="23" />
            <source>Personalize my Grok experience</source>
            <translation>Personnaliser mon expérience Grok</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="24" />
            <source>Let Grok remember my conversations</source>
            <translation>Laisser Grok se souvenir de mes conversations</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="27" />
            <source>Already off</source>
            <translation>Déjà décoché</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="28" />
            <source>Fixed</source>
            <translation>Corrigé</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="29" />
            <source>Would fix</source>
            <translation>Serait corrigé</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="30" />
            <source>Needs you</source>
            <translation>Vous attend</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="31" />
            <source>Sign-in failed</source>
            <translation>Échec de la connexion</translation>
        </message>
        <message>
            <source>Password refused</source>
            <translation>Mot de passe refusé</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="32" />
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="34" />
            <source>Page changed</source>
            <translation>Page modifiée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="35" />
            <source>Cancelled</source>
            <translation>Annulé</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="36" />
            <source>Not checked yet</source>
            <translation>Pas encore vérifié</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="37" />
            <source>Waiting (X refused a sign-in)</source>
            <translation>En attente (X a refusé une connexion)</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="39" />
            <source>Waiting for its turn…</source>
            <translation>En attente de son tour…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="40" />
            <source>Opening the session…</source>
            <translation>Ouverture de la session…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="41" />
            <source>Signing in…</source>
            <translation>Connexion…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="42" />
            <source>Reading the page…</source>
            <translation>Lecture de la page…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="43" />
            <source>Unticking…</source>
            <translation>Décochage…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="44" />
            <source>Verifying…</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="45" />
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="48" />
            <source>Check started</source>
            <translation>Vérification commencée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="49" />
            <source>Check finished</source>
            <translation>Vérification terminée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="50" />
            <source>Check interrupted</source>
            <translation>Vérification interrompue</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="51" />
            <source>Account checked</source>
            <translation>Compte vérifié</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="52" />
            <source>Box changed</source>
            <translation>Case modifiée</translation>
        </message>
        <message>
            <source>Untick not saved</source>
            <translation>Décochage non enregistré</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="53" />
            <source>Sign-in</source>
            <translation>Connexion</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="54" />
            <source>Screenshot</source>
            <translation>Capture d'écran</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="55" />
            <source>Notification</source>
            <translation>Notification</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="56" />
            <source>Account added</source>
            <translation>Compte ajouté</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="57" />
            <source>Account removed</source>
            <translation>Compte retiré</translation>
        </message>
        <message>
            <source>Account edited</source>
            <translation>Compte modifié</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="58" />
            <source>Settings changed</source>
            <translation>Paramètres modifiés</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="60" />
            <source>on</source>
            <translation>cochée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="61" />
            <source>off</source>
            <translation>décochée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="62" />
            <source>?</source>
            <translation>?</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/dialog_words.py" line="63" />
            <source>not shown</source>
            <translation>non affichée</translation>
        </message>
        <message>
            <source>Journal started over</source>
            <translation>Journal recommencé</translation>
        </message>
        <message>
            <source>Waiting for you in the browser…</source>
            <translation>Vous attend dans le navigateur…</translation>
        </message>
        <message>
            <source>Slowed down by X</source>
            <translation>Ralenti par X</translation>
        </message>
        <message>
            <source>Accounts file set aside</source>
            <translation>Fichier des comptes mis de côté</translation>
        </message>
        <message>
            <source>Waiting for another sign-in…</source>
            <translation>En attente d'une autre connexion…</translation>
        </message>
        <message>
            <source>Waiting for your code…</source>
            <translation>En attente de votre code…</translation>
        </message>
        <message>
            <source>Waiting for your answer…</source>
            <translation>En attente de votre réponse…</translation>
        </message>
        <message>
            <source>Waiting for your code for @{handle}</source>
            <translation>En attente de votre code pour @{handle}</translation>
        </message>
        <message>
            <source>Waiting for your answer for @{handle}</source>
            <translation>En attente de votre réponse pour @{handle}</translation>
        </message>
        <message>
            <source>Waiting for you to sign in @{handle} in the browser window</source>
            <translation>En attente de votre connexion de @{handle} dans la fenêtre du navigateur</translation>
        </message>
        <message>
            <source>2FA code needed</source>
            <translation>Code 2FA requis</translation>
        </message>
        <message>
            <source>Clock to set right</source>
            <translation>Horloge à régler</translation>
        </message>
        <message>
            <source>Email or SMS code needed</source>
            <translation>Code e-mail ou SMS requis</translation>
        </message>
        <message>
            <source>Captcha to solve</source>
            <translation>Captcha à résoudre</translation>
        </message>
        <message>
            <source>Email or phone to confirm</source>
            <translation>E-mail ou téléphone à confirmer</translation>
        </message>
        <message>
            <source>Locked by X</source>
            <translation>Verrouillé par X</translation>
        </message>
        <message>
            <source>Session expired</source>
            <translation>Session expirée</translation>
        </message>
        <message>
            <source>Sign-in needed</source>
            <translation>Connexion requise</translation>
        </message>
        <message>
            <source>X unreachable or failing</source>
            <translation>X injoignable ou en panne</translation>
        </message>
        <message>
            <source>X too slow to answer</source>
            <translation>X trop lent à répondre</translation>
        </message>
        <message>
            <source>X unreachable</source>
            <translation>X injoignable</translation>
        </message>
        <message>
            <source>X failing</source>
            <translation>X en panne</translation>
        </message>
        <message>
            <source>1 box still on at X</source>
            <translation>1 case encore cochée chez X</translation>
        </message>
        <message>
            <source>{count} boxes still on at X</source>
            <translation>{count} cases encore cochées chez X</translation>
        </message>
        <message>
            <source>Off again: X had switched 1 box back on</source>
            <translation>1 case recochée par X, décochée à nouveau</translation>
        </message>
        <message>
            <source>Off again: X had switched {count} boxes back on</source>
            <translation>{count} cases recochées par X, décochées à nouveau</translation>
        </message>
        <message>
            <source>{still_on}; 1 off again</source>
            <translation>{still_on} ; 1 décochée à nouveau</translation>
        </message>
        <message>
            <source>{still_on}; {count} off again</source>
            <translation>{still_on} ; {count} décochées à nouveau</translation>
        </message>
        <message>
            <source>off again</source>
            <translation>décochée à nouveau</translation>
        </message>
    </context>
    <context>
        <name>JournalModel</name>
        <message>
            <source>The history of an account was erased (entries: {entries}; screenshots: {screenshots})</source>
            <translation>L&apos;historique d&apos;un compte a été effacé (entrées : {entries} ; captures d&apos;écran : {screenshots})</translation>
        </message>
        <message>
            <source>Emptied when an account&apos;s history was erased (entry {id})</source>
            <translation>Vidée quand l&apos;historique d&apos;un compte a été effacé (entrée {id})</translation>
        </message>
        <message>
            <source>the check under way then is written again here, without the {count} screenshots it had taken, which went with the folder</source>
            <translation>la vérification alors en cours y est écrite à nouveau, sans les {count} captures d'écran qu'elle avait prises, parties avec le dossier</translation>
        </message>
        <message>
            <source>the check under way then is written again here</source>
            <translation>la vérification alors en cours y est écrite à nouveau</translation>
        </message>
        <message>
            <source>The journal before it was deleted while Consentinel was using it, and this one begins at its place</source>
            <translation>Le journal d'avant a été supprimé pendant que Consentinel s'en servait, et celui-ci commence à sa place</translation>
        </message>
        <message>
            <source>The data folder was deleted while Consentinel was using it: the journal before it went with it, and this one begins at its place</source>
            <translation>Le dossier de données a été supprimé pendant que Consentinel s'en servait : le journal d'avant est parti avec lui, et celui-ci commence à sa place</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="1" />
            <source>no sign-in tried: not tried again after {why}</source>
            <translation>aucune connexion tentée : pas de nouvel essai après « {why} »</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="1" />
            <source>no sign-in tried: not tried again after {why} at {when}</source>
            <translation>aucune connexion tentée : pas de nouvel essai après « {why} » le {when}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="1" />
            <source>the browser stopped</source>
            <translation>le navigateur s'est arrêté</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="38" />
            <source>confirmed</source>
            <translation>confirmée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="40" />
            <source>X had switched it back on</source>
            <translation>X l'avait réactivée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="42" />
            <source>{box}: {before} → {after}</source>
            <translation>case {box} : {before} → {after}</translation>
        </message>
        <message>
            <source>{box}: still on</source>
            <translation>case {box} : toujours cochée</translation>
        </message>
        <message>
            <source>{box}: not read back</source>
            <translation>case {box} : non relue</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="57" />
            <source>X asked for a two-factor code</source>
            <translation>X a demandé un code de double authentification</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="58" />
            <source>X asked for a code sent by email or text message</source>
            <translation>X a demandé un code envoyé par e-mail ou par SMS</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="59" />
            <source>X showed a captcha</source>
            <translation>X a affiché un captcha</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="192" />
            <source>no sign-in tried: waiting out the back-off after {why}</source>
            <translation>aucune connexion tentée : attente de la fin du délai après « {why} »</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="196" />
            <source>no sign-in tried: waiting out the back-off after {why} at {when}</source>
            <translation>aucune connexion tentée : attente de la fin du délai après « {why} » le {when}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="225" />
            <source>no request sent: waiting out the back-off X asked for earlier</source>
            <translation>aucune requête envoyée : attente de la fin du délai demandé plus tôt par X</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="229" />
            <source>no request sent: waiting out the back-off X asked for at {when}</source>
            <translation>aucune requête envoyée : attente de la fin du délai demandé par X le {when}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="60" />
            <source>X saw unusual activity</source>
            <translation>X a constaté une activité inhabituelle</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="61" />
            <source>X refused the sign-in</source>
            <translation>X a refusé la connexion</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="62" />
            <source>the account is locked</source>
            <translation>le compte est verrouillé</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="63" />
            <source>the session expired</source>
            <translation>la session a expiré</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="64" />
            <source>wrong password</source>
            <translation>mot de passe incorrect</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="65" />
            <source>X does not know this account</source>
            <translation>X ne connaît pas ce compte</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="66" />
            <source>X's page has changed</source>
            <translation>la page de X a changé</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="67" />
            <source>X did not save the change</source>
            <translation>X n'a pas enregistré la modification</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="68" />
            <source>X unreachable or failing</source>
            <translation>X injoignable ou défaillant</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="69" />
            <source>X took too long to answer</source>
            <translation>X a mis trop de temps à répondre</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="70" />
            <source>no usable browser</source>
            <translation>aucun navigateur utilisable</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="71" />
            <source>the keyring is unavailable</source>
            <translation>le trousseau est indisponible</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="72" />
            <source>X asked to slow down</source>
            <translation>X a demandé de ralentir</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="73" />
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="84" />
            <source>cancelled</source>
            <translation>annulée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="74" />
            <source>waiting after a refused sign-in</source>
            <translation>en attente après une connexion refusée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="75" />
            <source>X does not allow unticking</source>
            <translation>X ne permet pas de décocher</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="76" />
            <source>a screenshot could not be kept</source>
            <translation>une capture d'écran n'a pas pu être conservée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="78" />
            <source>started from the app</source>
            <translation>lancée depuis l'application</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="79" />
            <source>started from the command line</source>
            <translation>lancée depuis la ligne de commande</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="80" />
            <source>started by the schedule</source>
            <translation>lancée par le calendrier</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="83" />
            <source>finished</source>
            <translation>terminée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="85" />
            <source>interrupted</source>
            <translation>interrompue</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="117" />
            <source>Signed in</source>
            <translation>Connecté</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="129" />
            <source>The page did not look as expected</source>
            <translation>La page n'avait pas l'aspect attendu</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="129" />
            <source>The sign-in page did not look as expected</source>
            <translation>La page de connexion n'avait pas l'aspect attendu</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="131" />
            <source>After unticking: {box}</source>
            <translation>Après décochage : {box}</translation>
        </message>
        <message>
            <source>After an untick X did not save: {box}</source>
            <translation>Après un décochage que X n'a pas enregistré : {box}</translation>
        </message>
        <message>
            <source>X refused the code from the saved 2FA secret</source>
            <translation>X a refusé le code fait avec le secret 2FA enregistré</translation>
        </message>
        <message>
            <source>X refused the 2FA code made by this computer's clock</source>
            <translation>X a refusé le code 2FA fait par l'horloge de cet ordinateur</translation>
        </message>
        <message>
            <source>After an untick that could not be read back: {box}</source>
            <translation>Après un décochage qui n'a pas pu être relu : {box}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="193" />
            <source>Date and time</source>
            <translation>Date et heure</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="193" />
            <source>Account</source>
            <translation>Compte</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="193" />
            <source>Event</source>
            <translation>Événement</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_model.py" line="193" />
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>{name}: {count}</source>
            <translation>{name} : {count}</translation>
        </message>
        <message>
            <source>The journal found was written by a newer Consentinel; it was set aside as {name}</source>
            <translation>Le journal trouvé avait été écrit par une version plus récente de Consentinel ; il a été mis de côté sous le nom {name}</translation>
        </message>
        <message>
            <source>The journal found could not be read; it was set aside as {name}</source>
            <translation>Le journal trouvé était illisible ; il a été mis de côté sous le nom {name}</translation>
        </message>
        <message>
            <source>Every box off, as read</source>
            <translation>Toutes les cases décochées, telles que lues</translation>
        </message>
        <message>
            <source>{box}: {state}</source>
            <translation>case {box} : {state}</translation>
        </message>
        <message>
            <source>The journal before it no longer verified; you chose to keep it as {name} and start a new one</source>
            <translation>Le journal précédent ne se vérifiait plus ; vous avez choisi de le garder sous le nom {name} et d'en commencer un nouveau</translation>
        </message>
        <message>
            <source>The journal before it no longer verified: {problem}; you chose to keep it as {name} and start a new one</source>
            <translation>Le journal précédent ne se vérifiait plus : {problem} ; vous avez choisi de le garder sous le nom {name} et d'en commencer un nouveau</translation>
        </message>
        <message>
            <source>no session or password saved</source>
            <translation>ni session ni mot de passe enregistrés</translation>
        </message>
        <message>
            <source>a dry run: nothing changed</source>
            <translation>une simulation : rien n'est changé</translation>
        </message>
        <message>
            <source>against {origin}, not X</source>
            <translation>auprès de {origin} et non de X</translation>
        </message>
        <message>
            <source>{box}: not shown, on at X</source>
            <translation>case {box} : non affichée, cochée chez X</translation>
        </message>
        <message>
            <source>The journal before it was deleted while Consentinel was open; the record of its last entry is kept as {name}</source>
            <translation>Le journal d'avant a été supprimé pendant que Consentinel était ouvert ; la trace de sa dernière entrée est gardée sous le nom {name}</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Décochés</translation>
        </message>
        <message>
            <source>Would be fixed</source>
            <translation>Seraient corrigés</translation>
        </message>
        <message>
            <source>Need you</source>
            <translation>Besoin de vous</translation>
        </message>
        <message>
            <source>Could not be checked</source>
            <translation>Non vérifiés</translation>
        </message>
        <message>
            <source>Still on at X</source>
            <translation>Encore cochés chez X</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Annulés</translation>
        </message>
    </context>
    <context>
        <name>JournalWindow</name>
        <message>
            <source>Empty this removed account&apos;s entries and delete its screenshots, for good (asked first).</source>
            <translation>Vider les entrées de ce compte retiré et supprimer ses captures d&apos;écran, définitivement (demandé d&apos;abord).</translation>
        </message>
        <message>
            <source>&amp;Erase the history of @{handle}…</source>
            <translation>Effacer l&apos;&amp;historique de @{handle}…</translation>
        </message>
        <message>
            <source>Erase history</source>
            <translation>Effacer l&apos;historique</translation>
        </message>
        <message>
            <source>Erase the history of @{handle} from the journal?</source>
            <translation>Effacer l&apos;historique de @{handle} du journal ?</translation>
        </message>
        <message>
            <source>Erased for good: {entries}, {screenshots}, and its lines in Consentinel&apos;s log files. The journal still verifies, and says that an account&apos;s history was erased and how much, without naming it.</source>
            <translation>Effacées définitivement : {entries}, {screenshots}, et ses lignes dans les fichiers de log de Consentinel. Le journal se vérifie toujours, et dit que l&apos;historique d&apos;un compte a été effacé et combien, sans le nommer.</translation>
        </message>
        <message>
            <source>&amp;Erase</source>
            <translation>&amp;Effacer</translation>
        </message>
        <message>
            <source>Search the journal</source>
            <translation>Rechercher dans le journal</translation>
        </message>
        <message>
            <source>Shows the entries whose words, account or X's words quoted hold every word typed, whatever their case and accents, among those the filters show. Ctrl+F to search, Escape to clear.</source>
            <translation>Montre les entrées dont les mots, le compte ou les mots de X cités contiennent chaque mot tapé, quels que soient majuscules et accents, parmi celles que montrent les filtres. Ctrl+F pour rechercher, Échap pour effacer.</translation>
        </message>
        <message>
            <source>Entries shown</source>
            <translation>Entrées affichées</translation>
        </message>
        <message>
            <source>1 entry shown</source>
            <translation>1 entrée affichée</translation>
        </message>
        <message>
            <source>{count} entries shown</source>
            <translation>{count} entrées affichées</translation>
        </message>
        <message>
            <source>No entry matches this search and these filters.</source>
            <translation>Aucune entrée ne correspond à cette recherche et à ces filtres.</translation>
        </message>
        <message>
            <source>No entry matches this search.</source>
            <translation>Aucune entrée ne correspond à cette recherche.</translation>
        </message>
        <message>
            <source>The file holds the entries the search and the filters show, not the whole journal.</source>
            <translation>Le fichier contient les entrées que montrent la recherche et les filtres, pas tout le journal.</translation>
        </message>
        <message>
            <source>The file holds the entries the search finds, not the whole journal.</source>
            <translation>Le fichier contient les entrées que trouve la recherche, pas tout le journal.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="49" />
            <source>Journal — Consentinel</source>
            <translation>Journal — Consentinel</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="53" />
            <source>Account</source>
            <translation>Compte</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="55" />
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="56" />
            <source>Any outcome</source>
            <translation>Tous les résultats</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="60" />
            <source>Kind of entry</source>
            <translation>Type d'entrée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="61" />
            <source>Everything</source>
            <translation>Tout</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="65" />
            <source>Any</source>
            <comment>no first date</comment>
            <translation>début du journal</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="67" />
            <source>Any</source>
            <comment>no last date</comment>
            <translation>fin du journal</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="65" />
            <source>From date</source>
            <translation>Date de début</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="67" />
            <source>To date</source>
            <translation>Date de fin</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="70" />
            <source>Journal integrity</source>
            <translation>Intégrité du journal</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="71" />
            <source>&amp;Refresh</source>
            <translation>Actualis&amp;er</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="74" />
            <source>Export &amp;CSV…</source>
            <translation>Exporter en C&amp;SV…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="76" />
            <source>Export &amp;JSON…</source>
            <translation>Exporter en &amp;JSON…</translation>
        </message>
        <message>
            <source>Export &amp;with screenshots…</source>
            <translation>Exporter avec les ca&amp;ptures…</translation>
        </message>
        <message>
            <source>One ZIP file: the JSON export, the screenshots its entries name and a README saying how to check them.</source>
            <translation>Un seul fichier ZIP : l'export JSON, les captures d'écran que nomment ses entrées et un README qui dit comment les vérifier.</translation>
        </message>
        <message>
            <source>Chec&amp;k an export…</source>
            <translation>&amp;Vérifier un export…</translation>
        </message>
        <message>
            <source>Check a JSON export or a ZIP with screenshots, as it was written.</source>
            <translation>Vérifier qu'un export JSON, ou un ZIP avec ses captures d'écran, est tel qu'il a été écrit.</translation>
        </message>
        <message>
            <source>ZIP files (*.zip)</source>
            <translation>Fichiers ZIP (*.zip)</translation>
        </message>
        <message>
            <source>No screenshot is named by these entries.</source>
            <translation>Ces entrées ne nomment aucune capture d'écran.</translation>
        </message>
        <message>
            <source>With 1 screenshot.</source>
            <translation>Avec 1 capture d'écran.</translation>
        </message>
        <message>
            <source>With {count} screenshots.</source>
            <translation>Avec {count} captures d'écran.</translation>
        </message>
        <message>
            <source>Not every screenshot is in it as it was taken (its README says so too): {problems}</source>
            <translation>Les captures d'écran n'y sont pas toutes telles qu'elles ont été prises (son README le dit aussi) : {problems}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="83" />
            <source>&amp;Account:</source>
            <translation>&amp;Compte :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="84" />
            <source>&amp;Outcome:</source>
            <translation>&amp;Résultat :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="85" />
            <source>&amp;Show:</source>
            <translation>A&amp;fficher :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="86" />
            <source>&amp;From:</source>
            <translation>&amp;Du :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="87" />
            <source>&amp;To:</source>
            <translation>&amp;Au :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="98" />
            <source>Journal entries</source>
            <translation>Entrées du journal</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="109" />
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="245" />
            <source>Select an entry to see it here.</source>
            <translation>Choisissez une entrée pour la voir ici.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="114" />
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="288" />
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="292" />
            <source>Screenshot</source>
            <translation>Capture d'écran</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="118" />
            <source>View full si&amp;ze</source>
            <translation>Voir en &amp;taille réelle</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="169" />
            <source>Journal intact — 1 entry</source>
            <translation>Journal intact — 1 entrée</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="171" />
            <source>Journal intact — {count} entries</source>
            <translation>Journal intact — {count} entrées</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="443" />
            <source>Journal intact — {count} entries, emptied by erasure: {emptied}</source>
            <translation>Journal intact — {count} entrées, vidées par un effacement : {emptied}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="281" />
            <source>Journal intact — no entries yet</source>
            <translation>Journal intact — aucune entrée pour l'instant</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="176" />
            <source>Every entry is chained to the one before it, and every screenshot matches the hash taken with it: nothing was edited, removed or added since, unless the whole chain was rewritten (a check, not a signature).</source>
            <translation>Chaque entrée est chaînée à la précédente et chaque capture d'écran correspond au hachage pris avec elle : rien n'a été modifié, supprimé ni ajouté depuis, à moins que toute la chaîne ait été réécrite (un contrôle, pas une signature).</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="180" />
            <source>Journal damaged: {problem}</source>
            <translation>Journal endommagé : {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="185" />
            <source>Someone or something changed the journal file outside Consentinel. Keep a copy of it before anything else.</source>
            <translation>Quelqu'un ou quelque chose a modifié le fichier du journal en dehors de Consentinel. Gardez-en une copie avant toute autre chose.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="222" />
            <source>All accounts</source>
            <translation>Tous les comptes</translation>
        </message>
        <message>
            <source>No entry matches these filters.</source>
            <translation>Aucune entrée ne correspond à ces filtres.</translation>
        </message>
        <message>
            <source>The journal is empty.</source>
            <translation>Le journal est vide.</translation>
        </message>
        <message>
            <source>How an account's check ended: it applies to account checks only.</source>
            <translation>Comment la vérification d'un compte s'est terminée : ne s'applique qu'aux vérifications de compte.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="250" />
            <source>Check number {run}</source>
            <translation>Vérification n° {run}</translation>
        </message>
        <message>
            <source>Entry {id}</source>
            <translation>Entrée {id}</translation>
        </message>
        <message>
            <source>The entries it names have a red dot in the list.</source>
            <translation>Les entrées qu'il cite sont marquées d'un point rouge dans la liste.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="257" />
            <source>The screenshot {path} cannot be opened (moved or deleted?).</source>
            <translation>Impossible d'ouvrir la capture {path} (déplacée ou supprimée ?).</translation>
        </message>
        <message>
            <source>The screenshot {path} is there, but it cannot be read as a picture: the file may be damaged.</source>
            <translation>La capture {path} est bien là, mais elle ne peut pas être lue comme une image : le fichier est peut-être endommagé.</translation>
        </message>
        <message>
            <source>As the check wrote it, in English: “{sentence}”</source>
            <translation>Tel que la vérification l'a écrit, en anglais : « {sentence} »</translation>
        </message>
        <message>
            <source>As the check wrote it, in French: “{sentence}”</source>
            <translation>Tel que la vérification l'a écrit, en français : « {sentence} »</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="286" />
            <source>Screenshot — {name}</source>
            <translation>Capture d'écran — {name}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="308" />
            <source>CSV files (*.csv)</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="308" />
            <source>JSON files (*.json)</source>
            <translation>Fichiers JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="311" />
            <source>Export the journal</source>
            <translation>Exporter le journal</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="326" />
            <source>The export failed: {problem}</source>
            <translation>L'export a échoué : {problem}</translation>
        </message>
        <message>
            <source>The export was stopped: nothing was written.</source>
            <translation>L'export a été arrêté : rien n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="331" />
            <source>1 entry written to {path}</source>
            <translation>1 entrée écrite dans {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/journal_window.py" line="333" />
            <source>{count} entries written to {path}</source>
            <translation>{count} entrées écrites dans {path}</translation>
        </message>
        <message>
            <source>Nothing was written.</source>
            <translation>Rien n'a été écrit.</translation>
        </message>
        <message>
            <source>Nothing was written: {problem}</source>
            <translation>Rien n'a été écrit : {problem}</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>Export en cours</translation>
        </message>
        <message>
            <source>Exporting to {path}… The journal is checked first, every screenshot with it: for a long journal this takes a while. The window can be used meanwhile.</source>
            <translation>Export vers {path}… Le journal est d'abord vérifié, avec chaque capture : pour un long journal, cela prend un moment. La fenêtre reste utilisable pendant ce temps.</translation>
        </message>
        <message>
            <source>The file holds the entries the filters show, not the whole journal.</source>
            <translation>Le fichier contient les entrées que montrent les filtres, pas tout le journal.</translation>
        </message>
        <message>
            <source>The journal does not verify: {problem} The CSV holds no verdict; Export JSON… keeps it with the entries.</source>
            <translation>Le journal ne se vérifie pas : {problem} Le CSV ne porte aucun verdict ; « Exporter en JSON… » le garde avec les entrées.</translation>
        </message>
        <message>
            <source>The journal does not verify: {problem} The file says so, with every problem found.</source>
            <translation>Le journal ne se vérifie pas : {problem} Le fichier le dit, avec chaque problème trouvé.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>It started over on {when}: the journal before it was set aside as {name}.</source>
            <translation>Il a recommencé le {when} : le journal précédent a été mis de côté sous le nom {name}.</translation>
        </message>
        <message>
            <source>Checking the journal…</source>
            <translation>Vérification du journal…</translation>
        </message>
        <message>
            <source>Every entry and every screenshot is being compared with its hash.</source>
            <translation>Chaque entrée et chaque capture d'écran sont comparées à leur hachage.</translation>
        </message>
        <message>
            <source>The journal could not be checked: {problem}</source>
            <translation>Le journal n'a pas pu être vérifié : {problem}</translation>
        </message>
        <message>
            <source>Whether anything was edited is not known: the journal could not be read to compare its entries and screenshots with their hashes.</source>
            <translation>On ne sait pas si quelque chose a été modifié : le journal n'a pas pu être lu pour comparer ses entrées et ses captures d'écran à leur hachage.</translation>
        </message>
        <message>
            <source>Start a &amp;new journal…</source>
            <translation>Commencer un &amp;nouveau journal…</translation>
        </message>
        <message>
            <source>Keep this journal as it is, next to a new one that starts with an entry naming it.</source>
            <translation>Garder ce journal tel quel, à côté d'un nouveau qui commence par une entrée le nommant.</translation>
        </message>
        <message>
            <source>Start a new journal</source>
            <translation>Commencer un nouveau journal</translation>
        </message>
        <message>
            <source>&amp;Start a new journal</source>
            <translation>&amp;Commencer un nouveau journal</translation>
        </message>
        <message>
            <source>Keep this journal as it is and start a new one?</source>
            <translation>Garder ce journal tel quel et en commencer un nouveau ?</translation>
        </message>
        <message>
            <source>This journal no longer verifies: {problem}

It will not be changed or deleted: it stays in the data folder under a name of its own, with its screenshots, for whoever needs to examine it. Export it first if you need to show it to someone.

The new journal starts with an entry naming the old one, and its badge says “intact” again from there. The accounts' last results show again after their next check.</source>
            <translation>Ce journal ne se vérifie plus : {problem}

Il ne sera ni modifié ni supprimé : il reste dans le dossier des données sous un nom à lui, avec ses captures d'écran, pour qui doit l'examiner. Exportez-le d'abord si vous devez le montrer à quelqu'un.

Le nouveau journal commence par une entrée qui nomme l'ancien, et son badge redit « intact » à partir de là. Les derniers résultats des comptes réapparaissent après leur prochaine vérification.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>A check is running: start a new journal once it has ended.</source>
            <translation>Une vérification est en cours : commencez un nouveau journal une fois qu'elle est terminée.</translation>
        </message>
        <message>
            <source>Nothing was changed: {problem}</source>
            <translation>Rien n'a été modifié : {problem}</translation>
        </message>
        <message>
            <source>The old journal is kept as {name}, next to the new one.</source>
            <translation>L'ancien journal est gardé sous le nom {name}, à côté du nouveau.</translation>
        </message>
        <message>
            <source>… and {more} more: export JSON to see them all.</source>
            <translation>… et {more} autres : exportez en JSON pour les voir tous.</translation>
        </message>
        <message>
            <source>The export failed. {problem}</source>
            <translation>L'export a échoué. {problem}</translation>
        </message>
        <message>
            <source>The journal shown here is no longer the one in the data folder: nothing was set aside.</source>
            <translation>Le journal affiché ici n'est plus celui du dossier de données : rien n'a été mis de côté.</translation>
        </message>
        <message>
            <source>“{named}”</source>
            <translation>« {named} »</translation>
        </message>
        <message>
            <source>{status}: {names} included</source>
            <translation>{status}, y compris {names}</translation>
        </message>
    </context>
    <context>
        <name>PromptDialog</name>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="1" />
            <source>X refused the code made from the saved 2FA secret. Another wrong code may get X to lock the account.</source>
            <translation>X a refusé le code produit par le secret 2FA enregistré. Un code faux de plus pourrait amener X à verrouiller le compte.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="1" />
            <source>X refused the two-factor code typed. Another wrong code may get X to lock the account.</source>
            <translation>X a refusé le code de double authentification saisi. Un code faux de plus pourrait amener X à verrouiller le compte.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="1" />
            <source>X refused the code typed from its email or text message. Another wrong code may get X to lock the account.</source>
            <translation>X a refusé le code saisi de son e-mail ou SMS. Un code faux de plus pourrait amener X à verrouiller le compte.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="1" />
            <source>Cancel the &amp;whole check</source>
            <translation>Annuler &amp;toute la vérification</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="57" />
            <source>Hint</source>
            <translation>Indice</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="60" />
            <source>&amp;Continue</source>
            <translation>&amp;Continuer</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="63" />
            <source>S&amp;kip this account</source>
            <translation>&amp;Passer ce compte</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="74" />
            <source>Two-factor code for {handle}</source>
            <translation>Code de double authentification pour {handle}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="75" />
            <source>X asks for a two-factor code</source>
            <translation>X demande un code de double authentification</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="78" />
            <source>Open your authenticator app and type the code it shows for {handle} on X.</source>
            <translation>Ouvrez votre application d'authentification et saisissez le code qu'elle affiche pour {handle} sur X.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="81" />
            <source>Two-factor code</source>
            <translation>Code de double authentification</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="87" />
            <source>The code is 6 to 8 digits, nothing else.</source>
            <translation>Le code compte 6 à 8 chiffres, rien d'autre.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="89" />
            <source>Code from X for {handle}</source>
            <translation>Code de X pour {handle}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="90" />
            <source>X sent a code by email or text message</source>
            <translation>X a envoyé un code par e-mail ou SMS</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="94" />
            <source>Check the email or phone of {handle} and type the code X just sent.</source>
            <translation>Consultez l'e-mail ou le téléphone de {handle} et saisissez le code que X vient d'envoyer.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="105" />
            <source>Saved for this account: {email} and {phone}.</source>
            <translation>Enregistrés pour ce compte : {email} et {phone}.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="105" />
            <source>Saved for this account: {email}.</source>
            <translation>Enregistré pour ce compte : {email}.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="97" />
            <source>Code from X</source>
            <translation>Code de X</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="100" />
            <source>The code has 4 to 12 letters or digits.</source>
            <translation>Le code compte 4 à 12 lettres ou chiffres.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="102" />
            <source>X is asking about {handle}</source>
            <translation>X pose une question sur {handle}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="104" />
            <source>X is asking for the email or phone of {handle}</source>
            <translation>X demande l'e-mail ou le téléphone de {handle}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="108" />
            <source>Type the email address or phone number that {handle} uses on X.</source>
            <translation>Saisissez l'adresse e-mail ou le numéro de téléphone que {handle} utilise sur X.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="109" />
            <source>X says: “{words}”</source>
            <translation>X dit : « {words} »</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="110" />
            <source>Email or phone</source>
            <translation>E-mail ou téléphone</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="111" />
            <source>name@example.com or +33 6 12 34 56 78</source>
            <translation>nom@exemple.fr ou +33 6 12 34 56 78</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="112" />
            <source>Type what X asks for.</source>
            <translation>Saisissez ce que X demande.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="114" />
            <source>{handle} needs you</source>
            <translation>{handle} a besoin de vous</translation>
        </message>
        <message>
            <source>X locked {handle}</source>
            <translation>X a verrouillé {handle}</translation>
        </message>
        <message>
            <source>The account stays locked until you verify it.</source>
            <translation>Le compte reste verrouillé jusqu'à ce que vous le vérifiiez.</translation>
        </message>
        <message>
            <source>Only a person can solve it.</source>
            <translation>Seule une personne peut le résoudre.</translation>
        </message>
        <message>
            <source>First sign in on x.com in your usual browser and do what X asks there. Then use “{button}”: the check goes on by itself once X shows your home page in that window.</source>
            <translation>Connectez-vous d'abord sur x.com dans votre navigateur habituel et faites ce que X y demande. Puis utilisez « {button} » : la vérification reprend d'elle-même dès que X affiche votre page d'accueil dans cette fenêtre.</translation>
        </message>
        <message>
            <source>X shows a captcha for {handle}</source>
            <translation>X affiche un captcha pour {handle}</translation>
        </message>
        <message>
            <source>Use “{button}” and solve the captcha there, then answer X's questions if it asks any: the check goes on by itself once X shows your home page in that window.</source>
            <translation>Utilisez « {button} » et résolvez le captcha dans cette fenêtre, puis répondez aux questions de X s'il en pose : la vérification reprend d'elle-même dès que X affiche votre page d'accueil dans cette fenêtre.</translation>
        </message>
        <message>
            <source>X asks for the password of {handle}</source>
            <translation>X demande le mot de passe de {handle}</translation>
        </message>
        <message>
            <source>No password is saved for this account.</source>
            <translation>Aucun mot de passe n'est enregistré pour ce compte.</translation>
        </message>
        <message>
            <source>Use “{button}” and type the password there, then answer X's questions if it asks any: the check goes on by itself once X shows your home page in that window.</source>
            <translation>Utilisez « {button} » et saisissez le mot de passe dans cette fenêtre, puis répondez aux questions de X s'il en pose : la vérification reprend d'elle-même dès que X affiche votre page d'accueil dans cette fenêtre.</translation>
        </message>
        <message>
            <source>X needs you to sign in to {handle}</source>
            <translation>X a besoin de vous pour la connexion à {handle}</translation>
        </message>
        <message>
            <source>X asks for something only a person can do.</source>
            <translation>X demande quelque chose que seule une personne peut faire.</translation>
        </message>
        <message>
            <source>Use “{button}” and sign in there, answering X's questions: the check goes on by itself once X shows your home page in that window.</source>
            <translation>Utilisez « {button} » et connectez-vous dans cette fenêtre en répondant aux questions de X : la vérification reprend d'elle-même dès que X affiche votre page d'accueil dans cette fenêtre.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/prompt_dialogs.py" line="129" />
            <source>&amp;Open browser window</source>
            <translation>&amp;Ouvrir la fenêtre du navigateur</translation>
        </message>
        <message>
            <source>X did not accept the previous answer. Try again.</source>
            <translation>X n'a pas accepté la réponse précédente. Réessayez.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="55" />
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="60" />
            <source>How often to check</source>
            <translation>Fréquence des vérifications</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="62" />
            <source>Never (only when I ask)</source>
            <translation>Jamais (seulement quand je le demande)</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="63" />
            <source>Every 6 hours</source>
            <translation>Toutes les 6 heures</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="64" />
            <source>Every 12 hours</source>
            <translation>Toutes les 12 heures</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="65" />
            <source>Every day</source>
            <translation>Tous les jours</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="66" />
            <source>Every week</source>
            <translation>Toutes les semaines</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="70" />
            <source>Check when the app starts if a check is &amp;overdue</source>
            <translation>Vérifier au démarrage si une vérification est en &amp;retard</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="72" />
            <source>&amp;Keep checking when Consentinel is closed</source>
            <translation>&amp;Continuer à vérifier quand Consentinel est fermé</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="72" />
            <source>Without “Keep checking when Consentinel is closed” or “Start Consentinel at login”, automatic checks happen only while Consentinel is open.</source>
            <translation>Sans « Continuer à vérifier quand Consentinel est fermé » ni « Lancer Consentinel à l'ouverture de session », les vérifications automatiques n'ont lieu que tant que Consentinel est ouvert.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_checks.py" line="140" />
            <source>Choose how often to check first.</source>
            <translation>Choisissez d'abord la fréquence des vérifications.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="74" />
            <source>Start Consentinel at &amp;login, in the tray</source>
            <translation>Lancer Consentinel à l'&amp;ouverture de session, dans la zone de notification</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="80" />
            <source>Checks</source>
            <translation>Vérifications</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="83" />
            <source>&amp;Check:</source>
            <translation>&amp;Vérifier :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="92" />
            <source>Find a browser &amp;automatically</source>
            <translation>Trouver un navigateur &amp;automatiquement</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="93" />
            <source>&amp;Use this browser:</source>
            <translation>&amp;Utiliser ce navigateur :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="95" />
            <source>Browser program</source>
            <translation>Programme du navigateur</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="96" />
            <source>Path to Chromium, Chrome or Edge</source>
            <translation>Chemin de Chromium, Chrome ou Edge</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="97" />
            <source>C&amp;hoose…</source>
            <translation>C&amp;hoisir…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="106" />
            <source>Show the &amp;browser window during checks</source>
            <translation>Afficher la fenêtre du &amp;navigateur pendant les vérifications</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="111" />
            <source>Accounts checked at once</source>
            <translation>Comptes vérifiés en même temps</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="113" />
            <source>Browser</source>
            <translation>Navigateur</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="125" />
            <source>Accounts checked at onc&amp;e:</source>
            <translation>Comptes vérifiés en &amp;même temps :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="134" />
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="136" />
            <source>The system's language</source>
            <translation>La langue du système</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="143" />
            <source>A new language applies to the windows as soon as you save.</source>
            <translation>Une nouvelle langue s'applique aux fenêtres dès l'enregistrement.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="147" />
            <source>Show a &amp;notification when X switches a box back on or a check needs me</source>
            <translation>Me noti&amp;fier quand X réactive une case ou qu'une vérification a besoin de moi</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="150" />
            <source>Application</source>
            <translation>Application</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="152" />
            <source>Lan&amp;guage:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="160" />
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="170" />
            <source>Data folder</source>
            <translation>Dossier de données</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="162" />
            <source>O&amp;pen</source>
            <translation>Ouvr&amp;ir</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="164" />
            <source>&amp;Delete all my data…</source>
            <translation>&amp;Supprimer toutes mes données…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="165" />
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="422" />
            <source>Delete all my data</source>
            <translation>Supprimer toutes mes données</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="190" />
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="84" />
            <source>Start Consentinel at &amp;login, with its window minimized</source>
            <translation>Lancer Consentinel à l'&amp;ouverture de session, fenêtre réduite</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="88" />
            <source>This desktop shows no tray: Consentinel starts with its window minimized, and closing the window quits it.</source>
            <translation>Ce bureau n'a pas de zone de notification : Consentinel démarre fenêtre réduite, et fermer la fenêtre le quitte.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="470" />
            <source>Consentinel will start at login with its window minimized: this desktop shows no tray.</source>
            <translation>Consentinel démarrera à l'ouverture de session, fenêtre réduite : ce bureau n'a pas de zone de notification.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="212" />
            <source>Not available in the demo.</source>
            <translation>Indisponible dans la démo.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="215" />
            <source>The demo's data is thrown away when it closes, so it cannot check while closed or start at login.</source>
            <translation>Les données de la démo sont effacées à sa fermeture : elle ne peut donc pas vérifier une fois fermée ni se lancer à l'ouverture de session.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="282" />
            <source>No Chromium, Chrome or Edge was found: install one, or choose it below.</source>
            <translation>Aucun Chromium, Chrome ou Edge trouvé : installez-en un, ou choisissez-le ci-dessous.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="287" />
            <source>Found: {name} ({path})</source>
            <translation>Trouvé : {name} ({path})</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="297" />
            <source>Choose the browser program, or let Consentinel find one.</source>
            <translation>Choisissez le programme du navigateur, ou laissez Consentinel en trouver un.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="300" />
            <source>{path} is not a program that can be started.</source>
            <translation>{path} n'est pas un programme qui peut être lancé.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="316" />
            <source>Choose the browser program</source>
            <translation>Choisir le programme du navigateur</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="348" />
            <source>The settings could not be saved: {problem}</source>
            <translation>Les paramètres n'ont pas pu être enregistrés : {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="459" />
            <source>• the passwords and 2FA secrets of {handles}, in {keyring};</source>
            <translation>• les mots de passe et secrets 2FA de {handles}, dans {keyring} ;</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_data.py" line="100" />
            <source>• the passwords and 2FA secrets of your {count} accounts ({handles}), in {keyring};</source>
            <translation>• les mots de passe et secrets 2FA de vos {count} comptes ({handles}), dans {keyring} ;</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="464" />
            <source>• no password or 2FA secret: there is no account;</source>
            <translation>• aucun mot de passe ni secret 2FA : il n'y a aucun compte ;</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="406" />
            <source>This deletes, on this computer:
• the journal ({entries}) and its screenshots;
• the saved browser sessions;
{secrets}
{exports}• the list of accounts and the log;
• the scheduled checks while Consentinel is closed, and its start at login.

Your other settings are kept. Nothing changes on X. This cannot be undone.</source>
            <translation>Ceci supprime, sur cet ordinateur :
• le journal ({entries}) et ses captures d'écran ;
• les sessions de navigateur enregistrées ;
{secrets}
{exports}• la liste des comptes et le fichier de diagnostic (log) ;
• les vérifications planifiées quand Consentinel est fermé, et son démarrage à l'ouverture de session.

Vos autres paramètres sont conservés. Rien ne change sur X. C'est irréversible.</translation>
        </message>
        <message>
            <source>• the export saved in {folder} (copy it elsewhere first to keep it);</source>
            <translation>• l'export enregistré dans {folder} (copiez-le ailleurs avant pour le garder) ;</translation>
        </message>
        <message>
            <source>• the {n} exports saved in {folder} (copy them elsewhere first to keep them);</source>
            <translation>• les {n} exports enregistrés dans {folder} (copiez-les ailleurs avant pour les garder) ;</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="423" />
            <source>Delete all your Consentinel data?</source>
            <translation>Supprimer toutes vos données Consentinel ?</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="425" />
            <source>&amp;Delete everything</source>
            <translation>&amp;Tout supprimer</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="426" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="437" />
            <source>A check is running: wait for it to end (or cancel it), then try again.</source>
            <translation>Une vérification est en cours : attendez qu'elle se termine (ou annulez-la), puis réessayez.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="444" />
            <source>Nothing was deleted: {problem}</source>
            <translation>Rien n'a été supprimé : {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="449" />
            <source>Some files could not be deleted: {problem}</source>
            <translation>Certains fichiers n'ont pas pu être supprimés : {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_data.py" line="208" />
            <source>Still there (delete it yourself): {path}</source>
            <translation>Toujours présent (supprimez-le vous-même) : {path}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/settings_dialog.py" line="455" />
            <source>All your data was deleted.</source>
            <translation>Toutes vos données ont été supprimées.</translation>
        </message>
        <message>
            <source>{n} entry</source>
            <translation>{n} entrée</translation>
        </message>
        <message>
            <source>{n} entries</source>
            <translation>{n} entrées</translation>
        </message>
        <message>
            <source>Keep a screenshot of e&amp;very check (about 100 kB each)</source>
            <translation>&amp;Garder une capture d'écran de chaque vérification (environ 100 ko chacune)</translation>
        </message>
        <message>
            <source>Not only when a box was changed: a picture of the settings page at each check, as evidence that the boxes were still off that day.</source>
            <translation>Pas seulement quand une case a été modifiée : une image de la page des paramètres à chaque vérification, comme preuve que les cases étaient encore décochées ce jour-là.</translation>
        </message>
        <message>
            <source>The CONSENTINEL_BROWSER variable names {path}, which is not a program this computer can run: it is not used.</source>
            <translation>La variable CONSENTINEL_BROWSER désigne {path}, qui n'est pas un programme que cet ordinateur peut lancer : il n'est pas utilisé.</translation>
        </message>
        <message>
            <source>Checking that this program is Chromium, Chrome or Edge…</source>
            <translation>Consentinel vérifie que ce programme est Chromium, Chrome ou Edge…</translation>
        </message>
        <message>
            <source>The settings will be saved once it has answered.</source>
            <translation>Les paramètres seront enregistrés dès qu'il aura répondu.</translation>
        </message>
    </context>
    <context>
        <name>BrowserSetupDialog</name>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Checking that {path} is Chromium, Google Chrome or Microsoft Edge…</source>
            <translation>Consentinel vérifie que {path} est Chromium, Google Chrome ou Microsoft Edge…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Firefox cannot be used: Consentinel needs Chromium, Google Chrome or Microsoft Edge.</source>
            <translation>Firefox ne peut pas être utilisé : Consentinel a besoin de Chromium, Google Chrome ou Microsoft Edge.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>{path} is not Chromium, Google Chrome or Microsoft Edge (it says “{said}”): Consentinel can use only those browsers.</source>
            <translation>{path} n'est ni Chromium, ni Google Chrome, ni Microsoft Edge (il répond « {said} ») : Consentinel ne peut utiliser que ces navigateurs-là.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>{path} is not Chromium, Google Chrome or Microsoft Edge: Consentinel can use only those browsers.</source>
            <translation>{path} n'est ni Chromium, ni Google Chrome, ni Microsoft Edge : Consentinel ne peut utiliser que ces navigateurs-là.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>{path} did not say which browser it is: Consentinel can use only Chromium, Google Chrome or Microsoft Edge.</source>
            <translation>{path} n'a pas dit quel navigateur il est : Consentinel ne peut utiliser que Chromium, Google Chrome ou Microsoft Edge.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>A browser is needed</source>
            <translation>Un navigateur est nécessaire</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Consentinel opens X's settings page in Chrome, Edge or Chromium, and none was found on this computer.

You can download Chromium for Consentinel alone (about 170 MB, kept in its data folder), or choose a browser that is already installed.</source>
            <translation>Consentinel ouvre la page de paramètres de X dans Chrome, Edge ou Chromium, et aucun n'a été trouvé sur cet ordinateur.

Vous pouvez télécharger un Chromium réservé à Consentinel (environ 170 Mo, gardé dans son dossier de données), ou choisir un navigateur déjà installé.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Consentinel opens X's settings page in Chrome, Edge or Chromium, and the program named by {source}, {path}, is none of them.

You can choose a browser that is already installed, or download Chromium for Consentinel alone (about 170 MB, kept in its data folder).</source>
            <translation>Consentinel ouvre la page de paramètres de X dans Chrome, Edge ou Chromium, et le programme indiqué par {source}, {path}, n'est aucun des trois.

Vous pouvez choisir un navigateur déjà installé, ou télécharger un Chromium réservé à Consentinel (environ 170 Mo, gardé dans son dossier de données).</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Download status</source>
            <translation>État du téléchargement</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Download progress</source>
            <translation>Avancement du téléchargement</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>&amp;Download Chromium</source>
            <translation>&amp;Télécharger Chromium</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>&amp;Choose a browser…</source>
            <translation>&amp;Choisir un navigateur…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>&amp;Not now</source>
            <translation>&amp;Pas maintenant</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>&amp;Cancel download</source>
            <translation>&amp;Annuler le téléchargement</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Starting the download…</source>
            <translation>Démarrage du téléchargement…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Cancelling…</source>
            <translation>Annulation…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Downloading {what}…</source>
            <translation>Téléchargement de {what}…</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Downloading {what}: {percent}%</source>
            <translation>Téléchargement de {what} : {percent} %</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Chromium is downloaded, but checks use the program that {variable} names ({path}) before it: remove {variable} from the environment, then start Consentinel again.</source>
            <translation>Chromium est téléchargé, mais les vérifications utilisent avant lui le programme que {variable} désigne ({path}) : retirez {variable} de l'environnement, puis relancez Consentinel.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>The settings could not be saved: {problem}</source>
            <translation>Les paramètres n'ont pas pu être enregistrés : {problem}</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Chromium is ready: checks can start.</source>
            <translation>Chromium est prêt : les vérifications peuvent commencer.</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>Choose Chrome, Edge or Chromium</source>
            <translation>Choisir Chrome, Edge ou Chromium</translation>
        </message>
        <message>
            <location filename="../../desktop/consentinel/gui/browser_setup_dialog.py" line="1" />
            <source>{path} is not a program this computer can run.</source>
            <translation>{path} n'est pas un programme que cet ordinateur peut lancer.</translation>
        </message>
        <message>
            <source>&amp;Try the download again</source>
            <translation>&amp;Réessayer le téléchargement</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <!-- Qt 6.11's file dialog asks for these; its own French catalogue (qtbase_fr) has
                 only the older "Look in:" and "Files of type:", so the export dialog showed them
                 in English. -->
            <source>&amp;Look in:</source>
            <translation>&amp;Voir dans :</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Fichiers de &amp;type :</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <!-- The Type column of the file dialog's folders; qtbase_fr lacks it too. -->
            <source>Folder</source>
            <comment>All other platforms</comment>
            <translation>Dossier</translation>
        </message>
    </context>
    <context>
        <name>ExportChecking</name>
        <message>
            <source>Check an export</source>
            <translation>Vérifier un export</translation>
        </message>
        <message>
            <source>Journal exports (*.json *.zip)</source>
            <translation>Exports du journal (*.json *.zip)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>GettingStartedDialog</name>
        <message>
            <source>Getting started</source>
            <translation>Premiers pas</translation>
        </message>
        <message>
            <source>&lt;b&gt;Have ready&lt;/b&gt;, for each X account: its @name and its password. If the account has two-factor authentication (2FA), your phone and its authenticator app: the 2FA field can stay empty, and Consentinel asks you for the app&apos;s code when X asks for one.</source>
            <translation>&lt;b&gt;À préparer&lt;/b&gt;, pour chaque compte X : son @identifiant et son mot de passe. Si le compte a la validation en deux étapes (2FA), votre téléphone et son application d&apos;authentification : le champ 2FA peut rester vide, Consentinel vous demande le code de l&apos;application quand X le demande.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The first check.&lt;/b&gt; {add}, then {check_all}: Consentinel signs in to X in a browser you do not see, opens X&apos;s Grok settings page, unticks every box that shares your data with xAI, reloads the page and reads the boxes again to prove they stayed off, and writes what it saw and did into the journal. Then it checks again on its schedule while it runs.</source>
            <translation>&lt;b&gt;La première vérification.&lt;/b&gt; {add}, puis {check_all} : Consentinel se connecte à X dans un navigateur que vous ne voyez pas, ouvre la page des paramètres Grok de X, décoche chaque case qui partage vos données avec xAI, recharge la page et relit les cases pour prouver qu&apos;elles sont restées décochées, puis écrit dans le journal ce qu&apos;il a vu et fait. Il revérifie ensuite selon son calendrier tant qu&apos;il tourne.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Once Consentinel is quit&lt;/b&gt; (or the computer restarted), nothing is checked, unless you turn on {option}.</source>
            <translation>&lt;b&gt;Une fois Consentinel quitté&lt;/b&gt; (ou l&apos;ordinateur redémarré), rien n&apos;est vérifié, sauf si vous cochez {option}.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The journal&lt;/b&gt;: {journal} (Ctrl+J). It is kept on this computer, in {file}.</source>
            <translation>&lt;b&gt;Le journal&lt;/b&gt; : {journal} (Ctrl+J). Il est gardé sur cet ordinateur, dans {file}.</translation>
        </message>
        <message>
            <source>The same, and more, in the README: {link}</source>
            <translation>La même chose, et plus, dans le README : {link}</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>ExportWait</name>
        <message>
            <source>Finishing the export</source>
            <translation>Fin de l'export en cours</translation>
        </message>
        <message>
            <source>Export of the journal</source>
            <translation>Export du journal</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>Export en cours</translation>
        </message>
        <message>
            <source>&amp;Stop the export and quit</source>
            <translation>&amp;Arrêter l'export et quitter</translation>
        </message>
        <message>
            <source>&amp;Keep Consentinel open</source>
            <translation>&amp;Garder Consentinel ouvert</translation>
        </message>
        <message>
            <source>The journal is being exported to {path}. Consentinel quits as soon as the file is written.</source>
            <translation>Le journal est en cours d'export vers {path}. Consentinel se fermera dès que le fichier sera écrit.</translation>
        </message>
        <message>
            <source>Stopping the export: nothing will be written…</source>
            <translation>Arrêt de l'export : rien ne sera écrit…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
    </context>
</TS>
