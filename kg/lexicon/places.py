"""Place names the gazetteer's table implies but does not list."""

from __future__ import annotations

import re

#: China's minority peoples, as an autonomous division's name writes them (恩施土家族苗族自治州: 土家族, 苗族)
_PEOPLES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"  # 各族自治县: several peoples
).split()
_AUTONOMOUS = re.compile("(?:" + "|".join(sorted(_PEOPLES, key=len, reverse=True)) + ")族.*?自治([州县旗区])$")
#: a people of two or more characters may stand without 族 (伊犁哈萨克自治州, 察布查尔锡伯自治县)
_AUTONOMOUS_BARE = re.compile("(?:" + "|".join(p for p in _PEOPLES if len(p) > 1) + ")自治([州县旗区])$")


def autonomous_short_form(name: str) -> str | None:
    """How texts shorten an autonomous division: its place name and its kind (恩施土家族苗族自治州 → 恩施州,
    伊犁哈萨克自治州 → 伊犁州, 长阳土家族自治县 → 长阳县; a region by its place name alone: 新疆维吾尔自治区 → 新疆);
    None for other names."""
    m = _AUTONOMOUS.search(name)
    if m is None:
        m = _AUTONOMOUS_BARE.search(name)
    if m is None or m.start() < 2:
        return None
    return name[: m.start()] + ("" if m.group(1) == "区" else m.group(1))
