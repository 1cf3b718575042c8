package org.tumen.link.name;

import java.util.HashMap;
import java.util.Map;

/**
 * Korean readings of the Hanja most used in given names, traditional and simplified forms, so that
 * a given name written in Hanja (順姬) or in a Chinese document (顺姬) reaches the same canonical key
 * as its Hangul (순희). ICU has no Hanja → Korean transform (KOREAN-NAMES.md, "What ICU4J does").
 *
 * <p>Each Hanja has one reading here, the one used in names; ㄹ-initial readings are kept (龍 룡, 女 녀)
 * because the canonical key applies the initial-sound rule itself. The table is a choice of about
 * 850 characters; a character outside it leaves the given name unread (docs/names.md).
 */
final class HanjaReadings {

  // reading:characters, one line per reading (traditional then simplified forms)
  private static final String TABLE =
      """
      가:家佳嘉可歌加
      각:珏覺觉
      간:侃幹干
      갑:甲
      강:康剛刚江綱纲強强姜
      개:開开凱凯
      건:建健乾鍵键
      걸:傑杰
      경:京景敬慶庆卿鏡镜耕炅璟瓊琼經经
      계:桂啓启季溪
      고:高古固
      곤:坤
      공:公孔功
      관:寬宽冠觀观官
      광:光廣广
      교:敎教喬乔
      구:九求具球龜龟
      국:國国菊
      군:君軍军
      권:權权
      규:奎圭珪揆
      균:均鈞钧
      근:根槿勤謹谨
      금:金琴錦锦今
      기:基起紀纪琪麒琦奇淇棋
      길:吉
      나:奈那娜
      남:男南楠
      녀:女
      년:年
      녕:寧宁
      단:丹端
      달:達达
      담:淡潭
      대:大代臺台
      덕:德悳
      도:道度都桃島岛
      돈:敦
      동:東东同桐童
      두:斗杜
      득:得
      등:登
      란:蘭兰
      람:嵐岚藍蓝
      랑:浪郞郎朗
      래:來来
      량:良亮梁
      려:麗丽呂吕
      력:力
      련:蓮莲連连練练
      렬:烈列
      렴:廉
      령:玲鈴铃令嶺岭靈灵
      례:禮礼
      로:露路魯鲁
      록:祿禄綠绿錄录
      룡:龍龙
      류:柳流留
      륙:六陸陆
      륜:倫伦
      률:律栗
      륭:隆
      리:里理梨莉利李
      린:麟隣璘
      림:林琳
      립:立
      만:萬万滿满晩晚
      매:梅
      맹:孟
      면:勉
      명:明命鳴鸣銘铭
      모:模
      목:睦穆牧
      몽:夢梦
      묘:妙
      무:武茂
      묵:默
      문:文紋纹汶聞闻
      미:美媄薇渼微
      민:敏民珉旼玟旻
      밀:蜜
      박:博
      발:發发
      방:芳邦方
      배:培
      백:伯白百栢
      범:範范凡
      법:法
      벽:碧璧
      병:秉炳柄丙昞
      보:輔辅寶宝普甫保
      복:福
      본:本
      봉:奉鳳凤峯峰
      부:富夫芙
      북:北
      분:粉芬
      붕:鵬鹏
      빈:彬斌賓宾
      빙:氷冰
      사:士思史師师四沙
      산:山珊
      삼:三森
      상:祥相尙尚常湘上象
      생:生
      서:瑞書书西序舒
      석:石錫锡碩硕奭夕
      선:善仙鮮鲜先宣璇
      설:雪卨
      섭:燮
      성:成誠诚聖圣星性晟城盛聲声
      세:世
      소:素昭炤小韶
      송:松頌颂
      수:秀洙壽寿修守樹树水首
      숙:淑肅肃
      순:順顺淳純纯舜旬珣
      숭:崇
      슬:瑟
      승:承勝胜昇升
      시:時时始詩诗
      식:植湜軾轼式
      신:信新神臣
      실:實实
      심:心深
      아:雅娥兒儿亞亚
      악:岳
      안:安晏
      암:岩巖
      애:愛爱
      양:陽阳洋揚扬
      언:彦言
      엄:嚴严
      업:業业
      여:如汝
      연:淵渊衍演姸妍娟延然燕硯砚
      열:悅悦
      엽:葉叶燁烨
      영:英榮荣永瑛映暎泳迎影穎颖
      예:藝艺睿叡銳锐
      오:五吾午悟梧
      옥:玉
      온:溫温
      옹:翁
      완:完婉
      왕:王旺
      요:堯尧耀曜瑤瑶
      용:容勇鎔镕用溶
      우:宇雨友佑祐右禹羽
      욱:郁旭昱煜
      운:雲云運运韻韵
      웅:雄熊
      원:元源遠远圓圆原媛苑園园瑗
      월:月
      위:偉伟
      유:有裕由柔維维惟儒唯
      윤:允潤润胤尹
      융:融
      은:恩銀银殷垠誾
      을:乙
      음:音
      응:應应
      의:義义宜儀仪意
      이:伊二怡
      익:益翼
      인:仁寅人
      일:日一逸
      임:任
      자:子慈姿紫
      장:長长章莊庄壯壮璋
      재:在才載载哉宰材財财
      정:貞贞正晶靜静廷庭禎祯鼎丁定政珽
      제:濟济齊齐
      조:祚朝照祖兆
      종:鍾鐘钟宗琮
      좌:佐
      주:柱周珠朱
      준:俊準准峻埈浚駿骏濬
      중:中重仲衆众
      증:增曾
      지:之智志知芝枝池
      직:直
      진:珍眞真鎭镇振進进辰震晉晋
      집:集
      찬:燦灿贊赞讚
      창:昌彰蒼苍昶
      채:菜采彩
      천:天泉千川
      철:哲喆鐵铁徹彻澈
      청:淸清靑青晴
      초:草初超楚
      촌:村
      추:秋
      춘:春椿
      충:忠充
      취:翠
      치:致治
      칠:七
      탁:卓鐸铎
      태:泰太
      택:澤泽
      통:通
      팔:八
      표:杓
      풍:豊豐丰
      필:弼必
      하:河夏荷霞
      학:學学鶴鹤
      한:漢汉翰韓韩
      함:咸
      해:海亥
      행:行幸
      향:香鄕乡
      헌:憲宪軒轩
      혁:赫爀革
      현:炫賢贤鉉铉玄現现顯显峴岘
      협:協协
      형:亨炯衡兄馨
      혜:惠慧彗
      호:浩虎昊鎬镐豪好湖
      홍:洪弘紅红泓
      화:花華华和化
      환:煥焕桓歡欢
      황:黃黄煌晃
      회:會会回
      효:孝曉晓效
      훈:勳勋薰訓训熏
      휘:輝辉徽
      휴:休
      흠:欽钦
      흥:興兴
      희:希熙喜姬禧僖嬉
      """;

  private static final Map<Character, Character> READING = new HashMap<>();

  static {
    for (String line : TABLE.split("\n")) {
      char reading = line.charAt(0);
      for (int i = 2; i < line.length(); i++) {
        Character old = READING.put(line.charAt(i), reading);
        if (old != null && old != reading) {
          throw new IllegalStateException("two readings for " + line.charAt(i));
        }
      }
    }
  }

  private HanjaReadings() {}

  /** The Hangul reading of a Hanja used in names, or 0 if it is not in the table. */
  static char reading(char hanja) {
    Character r = READING.get(hanja);
    return r == null ? 0 : r;
  }
}
