"""More frequent words of the Latin-script languages :mod:`bot.precheck.language` tells
apart: function words and the vocabulary of short lines (tables, page footers, minutes,
statements, member lists), so that a short line is decided by words rather than by
character statistics.  A word listed for two languages counts for both."""

from __future__ import annotations

FREQUENT: dict[str, str] = {
    "en": """a about above after again against also although am among another any anyone
        because been before being below between both but can cannot could did do does
        done down during each either else enclosed ever every few first following further
        had having he her here hers him his how however i if into is itself just last least
        less like made make many me more most much my neither never new next no none nor
        now off once one only other others otherwise out over own please same see she
        should since so some such than that then there these those though through thus too
        up upon us very via was were what when where whether while who whom whose why with
        within without would yes yet
        account accounts amount amounts balance balances opening closing total totals
        subtotal due paid payable payment payments received receipt invoice fee fees
        date dated day days week weeks month months year years annual quarterly
        name names number numbers no address phone tel fax email page pages see overleaf
        details item items other business minutes meeting meetings held town hall city
        signed behalf board directors director chairman secretary member members list since
        full approved examiner result results pass passed fail merit distinction entry
        requirements chapter section schedule table figure votes vote cast turnout election
        candidate seat seats ward route station road street street via
        open monday tuesday wednesday thursday friday saturday sunday
        january february march april may june july august september october november
        december jan feb mar apr jun jul aug sep sept oct nov dec
        statement period ending confirm confirmed confirmation standing good
        completion awarded award holder issued issue valid validity until expiry
        authorised authorized signature stamp seal official office head registered
        england wales scotland kingdom united states
        training course courses trainee trainees learner learners teacher assessor
        assessment assessments resit resits grade grades score scores mark marks
        """,
    "fr": """à après aussi autre autres avant avoir bien car ceci cela celle celui ces chaque
        comme dont elle elles encore entre été eux fait faire ici il ils je leur lors mais
        même moi ne ni notre nos on ont ou où par parce peu peut pour pourquoi quand quel
        quelle quels sans selon si sous tous tout toute toutes très voici voir votre vos
        fait verso total général euros page réunion ordre jour jours mois année présent
        présente délivré délivrée servir valoir droit extrait registre commerce siège
        signé signature nom prénom adresse date téléphone montant solde compte
        """,
    "de": """aber alle allen aller alles am an andere auch auf aus bei beim bin bis da dann
        darf dass dem den denen der des dich dir doch dort du durch eine einem einen einer
        er es etwa euch habe haben hat hier ich ihm ihn ihnen ihre im in ist ja jede jeder
        jedoch kann kein keine man mehr mich mir muss nach noch nun nur ob oder ohne sehr
        sein seine sich sie sind so soll sowie über um uns unser unter vom vor war waren
        was weil wenn wer wie wir wird wo zu zum zur zwischen
        seite von gesamtbetrag euro sitz gesellschaft eingetragen teilnahme lehrgang
        datum unterschrift name anschrift betrag konto kontostand
        """,
    "es": """acta junta poder licencia apertura balance situación aptitud aspirante expediente aprobado dirección horario atención horas calificación puntos nombre número señor señora ayuntamiento
        al algo algunos ante antes así aunque bien cada como con contra cual cuando
        desde donde dos durante ella ellos entre era eres esa ese eso esos estas este esto
        estos fue fueron ha han hasta hay les lo mismo mucho muy nada ni nos nuestra
        nuestro otra otro otros pero poco porque pues que quien sí sido sin sobre también
        tanto todo todos tras tu un uno usted ya
        página importe total euros presente expide petición interesado inscrita registro
        mercantil fecha firma nombre dirección cuenta saldo domicilio social
        """,
    "it": """procura speciale verbale assemblea nome numero iscrizione approvato direzione orario comune signor lavoro
        ad alla alle allo anche ancora avere aveva che chi ci come con cosa così da dagli
        dai dal dalla dalle degli dei del della delle dello deve dove ed essere gli ha hanno
        ho il in io la le lei loro lui ma mi molto ne negli nei nel nella nelle nello noi non
        nostro o ogni per perché più poi quale quando quello questa queste questi questo
        se sei si sia siamo sono su sua sue sui sul sulla suo suoi tra tutti tutto una uno
        vi
        pagina totale complessivo euro sede legale firmato rappresentante data nascita luogo
        società iscritta registro imprese attività formazione professionale presente
        attesta conto corrente aperto nostra filiale anni esami esame svolgono volte anno
        sedi autorizzate ente certificazione dichiarazione rilasciata richiesta candidato
        superato punteggio statuto sociale visura camerale lettera bilancio annuale
        certificato indirizzo codice fiscale partita iva
        """,
    "pt": """alvará funcionamento balanço patrimonial plano curso telefone correio eletrónico eletrônico ata procuração idoneidade conclusão horário atendimento emitido mês dias nome número inscrição aprovado direção saldo disponível certidão senhor trabalho câmara
        ao aos às até com como da das de dela dele deles depois do dos e ela elas ele
        eles em entre era essa esse esta este eu foi foram há isso isto já lhe mais mas
        me mesmo muito na nas não nem no nos nós o os ou para pela pelas pelo pelos por
        qual quando que quem se sem ser seu seus só sua suas também te tem têm um uma
        você
        página valor total reais euros assinado pelo diretor geral sede emissão validade
        empresa registada registrada conservatória registo comercial dedica formação
        profissional declaramos conta bancária sociedade encontra aberta sem incidentes
        anos exames realizados centros acreditados supervisão júri independente
        presente certificado emitido pedido interessado cidade sua estatuto social
        carta conforto bancário relatório anual certidão regulamento endereço data
        """,
    "nl": """notulen vergadering naam inschrijfnummer goedgekeurd directie gemeente werk
        aan al alle als bij dan dat de deze die dit door dus een en er geen had heb
        hebben heeft hem het hier hij hoe hun ik in is ja je kan kunnen maar me meer men
        met mij mijn na naar niet nog nu of om omdat ons onze ook op over te tegen toch tot
        u uit van veel voor want was wat we wel werd wie wij wordt worden zal ze zich zij
        zijn zo zonder
        pagina ondertekend directeur totaal bedrag euro gevestigd datum afgifte geldigheid
        vennootschap ingeschreven kamer koophandel verzorgt beroepsopleidingen volwassenen
        hierbij verklaren rekening stichting sinds jaar bank aangehouden examens keer per
        afgenomen erkende examencentra toezicht certificaat afgegeven verzoek
        belanghebbende kandidaat examen goed gevolg afgelegd statuten uittreksel
        handelsregister bankverklaring jaarverslag examenreglement adres handtekening
        """,
}
