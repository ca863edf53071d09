"""Body and company names at the edges of their head rules (review 19, findings 8-10).

Made-up sentences: a legal form that opens a word of its own (集团公司化), a numbered
squad inside a numbered brigade (大队三中队), and a 、-list of bodies counted in Chinese
digits (两个, 三个).
"""

from __future__ import annotations

from tests.test_agencies import agencies, organisations


def test_a_legal_form_that_opens_a_word_makes_no_company():
    # 公司化 / 公司制 after 集团公司: the reform of the body, no company named after it
    text = "推进省港航管理局集团公司化改革。"
    assert organisations(text) == set() and agencies(text) == {"省港航管理局"}
    assert agencies("推进省港航管理局集团公司制改革。") == {"省港航管理局"}
    # the bare 公司 case, and a real legal form after a body's name, stay as they were
    assert agencies("推进市公路局公司化改革。") == {"市公路局"}
    assert organisations("由中铁广州航道局有限公司负责疏浚。") == {"中铁广州航道局有限公司"}


def test_a_squad_numbered_inside_a_brigade_keeps_its_parent():
    assert agencies("县执法大队三中队党支部开展学习。") == {"县执法大队三中队党支部"}
    assert agencies("县交通运输执法支队一大队二中队党支部开展学习。") == {"县交通运输执法支队一大队二中队党支部"}
    # the detachment's numbered brigade stays as it was
    assert agencies("县交通运输执法支队三大队党支部获评先进。") == {"县交通运输执法支队三大队党支部"}


def test_a_list_counted_in_chinese_digits_names_its_bodies():
    assert agencies("表彰局运输科党支部、局安全监督科党支部两个先进集体。") == {"局运输科党支部", "局安全监督科党支部"}
    assert agencies("表彰局运输科党支部、局法规科党支部、局安全监督科党支部三个先进集体。") == {
        "局运输科党支部", "局法规科党支部", "局安全监督科党支部"}
    # a count that is not the list's length is a class of facilities
    assert agencies("新建候车亭、县级综合服务中心2个。") == set()


def test_gei_in_a_word_before_a_company_is_no_part_of_its_name():
    # 给予 (award) is a verb and 给水 (water supply) a word: 给 is no preposition there (review 20 #4)
    assert organisations("局里给予某某运输有限公司通报表扬。") == {"某某运输有限公司"}
    assert organisations("南京市给水排水工程有限公司承建。") == {"南京市给水排水工程有限公司"}
    # 给排水 and 补给 are words of the name too (d2d9613's entries, untested until review 20 #4)
    assert organisations("南京市给排水工程有限公司承建。") == {"南京市给排水工程有限公司"}
    assert organisations("某某航空补给有限公司负责。") == {"某某航空补给有限公司"}
