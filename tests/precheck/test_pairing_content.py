"""Translation pairing by content when the names say nothing (document(1).docx,
translation-1.docx): the same material, shared names, numbers and dates; the
classification of one side carries over to the other."""

from __future__ import annotations

from bot.precheck.pipeline import analyse_files, assemble
from tests.support import docgen

KBIS = ["Extrait Kbis", "Registre du commerce et des sociétés de Lyon",
        "Dénomination : SOUDURE EXPERTISE FRANCE SAS", "Numéro d'identification 812 345 678 R.C.S. Lyon",
        "Date d'immatriculation : 14 mars 2008", "Capital social : 150 000 euros",
        "Siège : 12 rue Garibaldi 69003 Lyon"]
KBIS_ZH = ["SOUDURE EXPERTISE FRANCE SAS 的登记信息", "公司名称：SOUDURE EXPERTISE FRANCE SAS",
           "识别号：812 345 678 R.C.S. Lyon", "登记日期：2008年3月14日", "资本：150 000 欧元",
           "住所：12 rue Garibaldi 69003 Lyon"]
BANK = ["Bank reference letter", "To whom it may concern",
        "We confirm that GLOBAL WELDING INSTITUTE LTD (company number 04567321) has held an "
        "account with Barclays Bank PLC since 2 June 2011 and that the account is in good standing.",
        "Signed on 5 May 2024 by the branch manager"]
BANK_ZH = ["兹证明 GLOBAL WELDING INSTITUTE LTD（公司编号04567321）自2011年6月2日起在 "
           "Barclays Bank PLC 开立账户，账户状况良好。", "分行经理签署，2024年5月5日"]


def test_uninformative_names_pair_by_content_and_share_the_material(tmp_path, pool):
    files = [docgen.make_docx(tmp_path / "document(1).docx", KBIS),
             docgen.make_docx(tmp_path / "translation-1.docx", KBIS_ZH),
             docgen.make_docx(tmp_path / "document(2).docx", BANK),
             docgen.make_docx(tmp_path / "translation-2.docx", BANK_ZH)]
    analyses = analyse_files(files, pool=pool)
    result = assemble(analyses)
    by_name = {f.name: f for f in result.files}
    assert by_name["document(1).docx"].translation == "translation-1.docx"
    assert by_name["document(2).docx"].translation == "translation-2.docx"
    assert by_name["document(1).docx"].materials == ["1.1.1"]
    assert by_name["translation-1.docx"].materials == ["1.1.1"]  # carried over
    assert by_name["document(2).docx"].materials == ["1.1.4"]
    assert by_name["translation-2.docx"].materials == ["1.1.4"]  # carried over
    assert all("untranslated" not in [p.code for p in f.problems] for f in result.files)
