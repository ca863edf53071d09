"""Write ``data/gazetteer/divisions.tsv`` from the ``cpca`` package's division table.

kg reads only the TSV at run time; this script is run by hand when the
gazetteer is refreshed. It installs nothing: it reads ``adcodes.csv`` from
an installed ``cpca`` package, or from a file given with ``--source``
(the csv itself, a cpca wheel, or an sdist tarball), e.g.::

    pip download --no-deps -d /tmp/cpca cpca==0.5.5
    python tests/scripts/make_gazetteer.py --source /tmp/cpca/cpca-0.5.5-py3-none-any.whl

Output columns (tab separated, with a header line):
``code`` (GB/T 2260 six digits), ``name`` (full name), ``short`` (name
without its administrative suffix, empty when that short form would be
ambiguous, too short or a common word), ``level`` (province | city | county),
``parent`` (code of the enclosing division, empty for provinces).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import tarfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "data" / "gazetteer" / "divisions.tsv"

#: Rows of the table that are groupings, not divisions with a name of their own.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

#: Suffixes stripped to make a short name, longest first.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "县", "区", "盟")

#: Short forms that are ordinary words in administrative prose; never matched alone.
COMMON_WORDS = {
    "城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "新区", "市中", "城中", "城东", "城西", "城南",
    "城北", "城关", "和平", "新华", "公安", "新兴", "东风", "合作", "通道", "前进", "东方", "长安", "平安",
    "安定", "团结", "向阳", "红旗", "工农", "中山", "江南", "江北", "河东", "河西", "桥东", "桥西", "南山",
    "青山", "白云", "普陀", "宝山", "永定", "鼓楼", "铁东", "铁西", "新城", "海州", "西安", "朝阳", "通州",
    "大同", "兴业", "永安", "太平", "安全", "建设", "发展", "文明", "开发", "高新", "先锋", "光明", "龙华",
    "新市", "新乡", "吉安", "长春", "宁安", "新民", "海城", "开平", "西湖", "东阳", "南平", "大安", "安宁",
    "清新", "永康", "进贤", "丰台", "南岸", "北林", "共和", "和田", "民和", "城阳", "蓝田", "柳林", "中原",
    "红星", "盘山", "沙坪坝", "万全", "平山", "曲江", "龙门", "港口", "比如", "会同", "资源", "振兴", "同心",
    "新建", "大化", "和顺", "平和", "威信", "无为", "上高", "上思", "同安", "利通", "大关", "清水", "金水",
    "成安", "高安", "长治", "和政", "友好", "向东", "东山", "西山", "中方", "方正", "正定", "安化", "新化",
    "保定", "安全", "宜章", "隆化", "文化", "化德", "安远", "永久", "长寿", "宁静", "沙河", "红山", "白山",
    "黄山", "泰山", "华山", "钟山", "灵山", "乐业",
}


@dataclass(slots=True)
class Division:
    code: str
    name: str
    level: str
    parent: str
    short: str = ""


def read_adcodes(source: Path | None) -> str:
    """Return the text of cpca's ``adcodes.csv`` from ``source`` or the installed package."""
    if source is None:
        try:
            import importlib.resources as resources

            return (resources.files("cpca.resources") / "adcodes.csv").read_text(encoding="utf-8")
        except ModuleNotFoundError:
            sys.exit("cpca is not installed: pass --source (the csv, a cpca wheel or sdist)")
    if source.suffix == ".csv":
        return source.read_text(encoding="utf-8")
    if source.suffix == ".whl" or zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as zf:
            member = next(n for n in zf.namelist() if n.endswith("resources/adcodes.csv"))
            return zf.read(member).decode("utf-8")
    with tarfile.open(source) as tf:
        member = next(m for m in tf.getmembers() if m.name.endswith("resources/adcodes.csv"))
        fh = tf.extractfile(member)
        assert fh is not None
        return fh.read().decode("utf-8")


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def short_form(name: str, nations: list[str]) -> str:
    """Strip the administrative suffix and any ethnic-group names before it."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    else:
        return ""
    changed = True
    while changed:
        changed = False
        for nation in nations:
            if name.endswith(nation) and len(name) > len(nation):
                name, changed = name[: -len(nation)], True
    return name


def build(adcodes_csv: str) -> list[Division]:
    """Turn cpca's table into divisions with parents and unambiguous short names."""
    rows = [r for r in csv.DictReader(io.StringIO(adcodes_csv)) if r["name"] not in PLACEHOLDERS]
    names = {r["adcode"][:6]: r["name"].strip() for r in rows}
    divisions: list[Division] = []
    for code, name in sorted(names.items()):
        level = level_of(code)
        parent = ""
        if level == "county":
            parent = code[:4] + "00" if code[:4] + "00" in names else code[:2] + "0000"
        elif level == "city":
            parent = code[:2] + "0000"
        if parent and parent not in names:
            parent = ""
        divisions.append(Division(code, name, level, parent))
    nations = sorted(NATIONS, key=len, reverse=True)
    by_short: dict[str, list[Division]] = defaultdict(list)
    full_names = {d.name for d in divisions}
    for d in divisions:
        s = short_form(d.name, nations)
        if len(s) >= 2 and s not in COMMON_WORDS and s not in full_names:
            by_short[s].append(d)
    rank = {"province": 0, "city": 1, "county": 2}
    for s, holders in by_short.items():
        holders.sort(key=lambda d: rank[d.level])
        # the highest-level holder keeps a shared short form (广东 is the province) if it alone is at that level
        if len(holders) == 1 or rank[holders[0].level] < rank[holders[1].level]:
            holders[0].short = s
    return divisions


#: The 56 ethnic groups, as stripped from autonomous-division names (蒙古族 before 族-less forms).
NATIONS = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 "
    "黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 "
    "撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 "
    "京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 各族"
).split()


def write_tsv(divisions: list[Division], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("code\tname\tshort\tlevel\tparent\n")
        for d in divisions:
            fh.write(f"{d.code}\t{d.name}\t{d.short}\t{d.level}\t{d.parent}\n")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, help="adcodes.csv, a cpca wheel or sdist (default: installed cpca)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    divisions = build(read_adcodes(args.source))
    if not re.fullmatch(r"\d{6}", divisions[0].code):
        sys.exit("unexpected adcode format")
    write_tsv(divisions, args.out)
    print(f"{len(divisions)} divisions -> {args.out}")


if __name__ == "__main__":
    main()
