#include "wardscope/synthetic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "wardscope/error.hpp"
#include "wardscope/municipality.hpp"

namespace wardscope {

namespace {

// splitmix64: tiny, fast, and the same sequence everywhere (std::*_distribution
// differ between standard libraries).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(std::size_t n) { return n == 0 ? 0 : static_cast<int>(next() % n); }  // bias is irrelevant here
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }        // [0, 1)
    bool chance(double p) { return unit() < p; }
    template <typename T>
    const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(below(v.size()))]; }

private:
    std::uint64_t state_;
};

// Each plan draws from its own stream, so changing one count does not reshuffle
// the other plans' content more than needed. Seed, municipality and generation
// go through the mixer one after the other: no two triples share a stream by
// accident (a plain xor would give seed 1 / generation 2 the stream of seed 2 /
// generation 1).
std::uint64_t plan_seed(std::uint64_t seed, int municipality, int generation) {
    Rng mix(seed);
    std::uint64_t h = mix.next();
    h = Rng(h ^ static_cast<std::uint64_t>(municipality)).next();
    return Rng(h ^ static_cast<std::uint64_t>(generation)).next();
}

std::string pad3(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d", n);
    return buf;
}

double round1(double v) { return std::floor(v * 10.0 + 0.5) / 10.0; }

// n items split into `parts` nearly equal runs: the size of run k.
int share(int n, int parts, int k) { return n / parts + (k < n % parts ? 1 : 0); }

int isqrt(int n) {
    int r = 0;
    while ((r + 1) * (r + 1) <= n) ++r;
    return r;
}

struct Kind {
    const char* ja;
    const char* en;
    const char* kana;
};
constexpr Kind ward{"区", "Ward", "く"}, city{"市", "City", "し"}, town{"町", "Town", "ちょう"}, village{"村", "Village", "そん"};

// Municipalities per prefecture in JIS order (1,741 in all, the 23 wards of
// Tokyo included), as in 2024; the synthetic municipalities take these counts.
constexpr std::array<int, 47> municipalities_per_prefecture = {
    179, 40, 33, 35, 25, 35, 59, 44, 25, 35, 63, 54, 62, 33, 30, 15, 19, 17, 27, 77, 42, 35, 54, 29,
    19, 26, 43, 41, 39, 30, 19, 19, 27, 23, 19, 24, 17, 20, 34, 60, 20, 21, 45, 18, 26, 43, 41};
constexpr int tokyo = 13;

// Tokyo's mix of kinds, in order: 23 区, 26 市, 5 町, 8 村. Elsewhere a
// synthetic mix: the first 45 % 市, then 町 up to 90 %, then 村.
Kind kind_in_prefecture(int prefecture, int index, int count) {
    if (prefecture == tokyo) {
        if (index < 23) return ward;
        if (index < 49) return city;
        if (index < 54) return town;
        return village;
    }
    if (index * 100 < count * 45) return city;
    if (index * 100 < count * 90) return town;
    return village;
}

// The position in the national list: Tokyo's 62 first (the default size is
// Tokyo), then the other prefectures in JIS order.
std::vector<int> prefecture_order() {
    std::vector<int> order{tokyo};
    for (int p = 1; p <= 47; ++p)
        if (p != tokyo) order.push_back(p);
    return order;
}

// Suffixes chosen to contain none of the bundled taxonomy's keywords, so that
// rule tags come only from the keyword put in on purpose.
const std::vector<std::string> suffixes = {"の推進", "支援事業", "の強化",   "促進事業", "セミナーの開催",
                                           "補助制度", "相談窓口の設置", "プログラム", "の充実",   "の検討"};
const std::vector<std::string> units = {"件", "社", "%", "人", "事業", "回", "団体"};
const std::array<const char*, 4> plan_kinds = {"地域産業活性化計画", "商工業振興計画", "構想・ビジョン", "産業振興基本計画"};

struct Vocabulary {
    const Taxonomy& taxonomy;
    // A theme's keyword (or its label when it has none): makes names that
    // read like plan text and derive the theme again as a rule tag.
    const std::string& word(const Theme& t, Rng& rng) const {
        return t.keywords.empty() ? t.label_ja : rng.pick(t.keywords);
    }
    const Theme& theme(Rng& rng) const { return rng.pick(taxonomy.themes); }
};

Node make_node(std::string level, std::string id, std::string parent, Rng& rng, const Vocabulary& vocab) {
    Node n;
    n.id = std::move(id);
    n.parent_id = std::move(parent);
    n.level = std::move(level);
    if (vocab.taxonomy.themes.empty()) {
        n.name = "合成項目";
        return n;
    }
    const Theme& main = vocab.theme(rng);
    n.name = vocab.word(main, rng) + rng.pick(suffixes) + "（合成）";
    n.name_en = main.label_en + " (synthetic)";
    // Most nodes are tagged by hand; the rest get their theme from the name by rule.
    if (rng.chance(0.85)) n.themes.push_back({main.id, TagOrigin::hand});
    if (rng.chance(0.2)) {
        const Theme& second = vocab.theme(rng);
        if (second.id != main.id) n.themes.push_back({second.id, TagOrigin::hand});
    }
    if (rng.chance(0.3)) n.description = "合成の記述：" + vocab.word(vocab.theme(rng), rng) + "にも関わる。";
    return n;
}

void add_nodes(Plan& plan, int measures, Rng& rng, const Vocabulary& vocab) {
    if (measures <= 0) return;
    // ~sqrt(measures) policies, three policies per strategy, three strategies per pillar.
    const int policies = std::max(1, isqrt(measures));
    const int strategies = std::max(1, (policies + 2) / 3);
    const int pillars = std::max(1, (strategies + 2) / 3);
    const auto& actors = vocab.taxonomy.actors;
    int strategy_no = 0, policy_no = 0, measure_no = 0;
    for (int l = 0; l < pillars; ++l) {
        const std::string pillar_id = "pl" + std::to_string(l + 1);
        Node pillar = make_node("pillar", pillar_id, "", rng, vocab);
        pillar.label = "柱" + std::to_string(l + 1);
        plan.nodes.push_back(std::move(pillar));
        for (int s = 0, sn = share(strategies, pillars, l); s < sn; ++s) {
            const std::string strategy_id = "st" + std::to_string(++strategy_no);
            Node strategy = make_node("strategy", strategy_id, pillar_id, rng, vocab);
            strategy.label = "戦略" + std::to_string(strategy_no);
            plan.nodes.push_back(std::move(strategy));
            for (int p = 0, pn = share(policies, strategies, strategy_no - 1); p < pn; ++p) {
                const std::string policy_id = "po" + std::to_string(++policy_no);
                Node policy = make_node("policy", policy_id, strategy_id, rng, vocab);
                policy.label = "方針" + std::to_string(policy_no);
                plan.nodes.push_back(std::move(policy));
                for (int m = 0, mn = share(measures, policies, policy_no - 1); m < mn; ++m) {
                    Node measure = make_node("measure", "m" + std::to_string(++measure_no), policy_id, rng, vocab);
                    measure.label = "(" + std::to_string(m + 1) + ")";
                    measure.is_new = rng.chance(0.1);
                    for (int a = rng.below(3); a > 0 && !actors.empty(); --a) {
                        const std::string& actor = rng.pick(actors).id;
                        if (std::find(measure.actors.begin(), measure.actors.end(), actor) == measure.actors.end())
                            measure.actors.push_back(actor);
                    }
                    plan.nodes.push_back(std::move(measure));
                }
            }
        }
    }
}

void add_swot(Plan& plan) {
    const std::array<std::pair<Quadrant, const char*>, 4> quadrants = {
        {{Quadrant::strength, "強み"}, {Quadrant::weakness, "弱み"}, {Quadrant::opportunity, "機会"}, {Quadrant::threat, "脅威"}}};
    const std::array<char, 4> prefix = {'s', 'w', 'o', 't'};
    for (std::size_t q = 0; q < quadrants.size(); ++q)
        for (int k = 1; k <= 2; ++k)
            plan.swot.push_back({std::string(1, prefix[q]) + std::to_string(k), quadrants[q].first,
                                 std::string("合成の") + quadrants[q].second + std::to_string(k), "", {}, ""});
    std::vector<std::string> strategy_ids;
    for (const Node& n : plan.nodes)
        if (n.level == "strategy") strategy_ids.push_back(n.id);
    const std::array<std::tuple<TowsType, const char*, const char*, const char*>, 4> tows = {
        {{TowsType::SO, "so1", "s1", "o1"}, {TowsType::ST, "st1", "s2", "t1"}, {TowsType::WO, "wo1", "w1", "o2"}, {TowsType::WT, "wt1", "w2", "t2"}}};
    for (std::size_t i = 0; i < tows.size(); ++i) {
        const auto& [type, id, a, b] = tows[i];
        TowsStrategy t{id, type, std::string("合成のクロスSWOT戦略") + std::to_string(i + 1), "", {a, b}, {}, {}};
        if (!strategy_ids.empty()) t.node_ids.push_back(strategy_ids[i % strategy_ids.size()]);
        plan.tows.push_back(std::move(t));
    }
}

// Indicators with a baseline the year before the plan and a target at its
// end; one observation a year, a noisy trend from below the baseline towards the target.
void add_indicators(PlanFile& pf, const GenerateOptions& options, Rng& rng, const Vocabulary& vocab) {
    Plan& plan = pf.plan;
    std::vector<std::string> anchors;  // strategies and policies carry KPIs
    for (const Node& n : plan.nodes)
        if (n.level == "strategy" || n.level == "policy") anchors.push_back(n.id);
    const std::string source = "合成（seed " + std::to_string(options.seed) + "）";
    const int start = *plan.start_fy, end = *plan.end_fy;
    for (int i = 0; i < options.indicators_per_plan; ++i) {
        Indicator ind;
        const bool kgi = i < 2 || anchors.empty();
        const int number = kgi ? i + 1 : i - 1;
        ind.id = (kgi ? "kgi" : "kpi") + std::to_string(number);
        ind.kind = kgi ? "KGI" : "KPI";
        ind.label = ind.kind + std::to_string(number);
        if (!kgi) ind.node_id = rng.pick(anchors);
        const std::string theme_ja = vocab.taxonomy.themes.empty() ? "総合" : vocab.theme(rng).label_ja;
        ind.name = theme_ja + "の合成指標" + std::to_string(i + 1);
        ind.name_en = "synthetic indicator " + std::to_string(i + 1);
        ind.unit = rng.pick(units);
        const bool lower = rng.chance(0.15);
        ind.direction = lower ? Direction::lower_is_better : Direction::higher_is_better;
        const bool percent = ind.unit == "%";
        const double baseline = round1(percent ? 5 + 75 * rng.unit() : 10 + 990 * rng.unit());
        double target = round1(lower ? baseline * (0.5 + 0.4 * rng.unit()) : baseline * (1.1 + 0.5 * rng.unit()));
        if (percent) target = std::min(target, 100.0);
        ind.baseline = {baseline, start - 1, "", ""};
        ind.target = {target, end, "", ""};
        ind.note = "合成の指標（実在しない）";
        const double first = baseline * (lower ? 1.1 + 0.2 * rng.unit() : 0.7 + 0.2 * rng.unit());
        for (int y = 0; y < options.years; ++y) {
            const double progress = options.years > 1 ? static_cast<double>(y) / (options.years - 1) : 1.0;
            double value = first + (target - first) * progress + baseline * 0.05 * (2 * rng.unit() - 1);
            value = std::max(0.0, round1(value));
            if (percent) value = std::min(value, 100.0);
            Observation o;
            o.plan_id = plan.id;
            o.indicator_id = ind.id;
            o.fiscal_year = end - options.years + 1 + y;
            o.value = value;
            o.source = source;
            o.is_sample = true;
            o.origin = ObservationOrigin::plan_file;
            pf.observations.push_back(std::move(o));
        }
        plan.indicators.push_back(std::move(ind));
    }
}

}  // namespace

void check_generate_options(const GenerateOptions& o) {
    auto require = [](bool ok, const char* what) {
        if (!ok) throw Error(std::string("synthetic data: ") + what);
    };
    require(o.municipalities >= 1 && o.municipalities <= max_synthetic_municipalities,
            "--municipalities must be 1 to 1741 (every municipality of Japan)");
    require(o.plans_per_municipality >= 1 && o.plans_per_municipality <= 20, "--plans-per-municipality must be 1 to 20");
    require(o.measures_per_plan >= 0 && o.measures_per_plan <= 100000, "--measures-per-plan must be 0 to 100000");
    require(o.indicators_per_plan >= 0 && o.indicators_per_plan <= 1000, "--indicators-per-plan must be 0 to 1000");
    require(o.years >= 1 && o.years <= 100, "--years must be 1 to 100");
    // The oldest generation ends in FY2025 - 5 * (generations - 1); its history
    // must stay within the fiscal years plan files accept (1900–2200).
    require(2025 - 5 * (o.plans_per_municipality - 1) - o.years + 1 >= 1900,
            "--years and --plans-per-municipality reach back before FY1900");
    // Everything is built in memory first: keep it within a laptop's reach.
    const double plans = static_cast<double>(o.municipalities) * o.plans_per_municipality;
    require(plans * o.measures_per_plan <= 5e6, "more than 5 million measures in total");
    require(plans * o.indicators_per_plan * o.years <= 2e7, "more than 20 million observations in total");
}

GenerateOptions national_generate_options() {
    GenerateOptions o;
    o.municipalities = max_synthetic_municipalities;
    o.plans_per_municipality = 5;
    o.measures_per_plan = 60;
    o.indicators_per_plan = 10;
    o.years = 10;
    return o;
}

std::vector<Municipality> synthetic_municipalities(int count, const SourceRef& source) {
    std::vector<Municipality> out;
    out.reserve(static_cast<std::size_t>(std::max(0, count)));
    int m = 0;
    for (int prefecture : prefecture_order()) {
        const int in_prefecture = municipalities_per_prefecture[static_cast<std::size_t>(prefecture - 1)];
        const Prefecture& pref = prefectures()[static_cast<std::size_t>(prefecture - 1)];
        int cities_towns_villages = 0;
        for (int i = 0; i < in_prefecture; ++i) {
            if (++m > count) return out;
            const Kind kind = kind_in_prefecture(prefecture, i, in_prefecture);
            // 団体コード-shaped: the prefecture, 1xx for wards, 2xx–9xx for the others in order, a check digit.
            const int number = std::string_view(kind.ja) == ward.ja ? 101 + i : 201 + cities_towns_villages++;
            char five[24];
            std::snprintf(five, sizeof five, "%02d%03d", prefecture, number);
            Municipality mu;
            mu.id = "syn-" + pad3(m);
            mu.name_ja = std::string("合成") + kind.ja + pad3(m);
            mu.name_en = std::string("Synthetic ") + kind.en + " " + pad3(m);
            mu.kind = kind.ja;
            mu.code = with_check_digit(five);
            mu.source = source;
            mu.prefecture = std::string(pref.name_ja);
            mu.name_kana = std::string("ごうせい") + kind.kana + pad3(m);
            out.push_back(std::move(mu));
        }
    }
    return out;
}

std::vector<PlanFile> generate_plan_files(const GenerateOptions& options, const Taxonomy& taxonomy) {
    check_generate_options(options);
    const Vocabulary vocab{taxonomy};
    // Not a seed file: names the generator run, so the UI's source line says "synthetic".
    const SourceRef source{"wardscope-gen-seed-" + std::to_string(options.seed), "合成データ", "", ""};
    std::vector<PlanFile> out;
    out.reserve(static_cast<std::size_t>(options.municipalities * options.plans_per_municipality));
    const std::vector<Municipality> municipalities = synthetic_municipalities(options.municipalities, source);
    for (int m = 1; m <= options.municipalities; ++m) {
        const Municipality& municipality = municipalities[static_cast<std::size_t>(m - 1)];
        for (int g = 1; g <= options.plans_per_municipality; ++g) {
            Rng rng(plan_seed(options.seed, m, g));
            PlanFile pf;
            pf.municipality = municipality;
            Plan& p = pf.plan;
            p.id = "synthetic-" + pad3(m) + "-" + std::to_string(g);
            p.municipality_id = municipality.id;
            p.title = "合成データ計画 " + municipality.name_ja + " 第" + std::to_string(g) + "期";
            p.title_en = "Synthetic plan: " + municipality.name_en + ", period " + std::to_string(g);
            p.kind = plan_kinds[static_cast<std::size_t>(m + g) % plan_kinds.size()];
            p.status = "策定済";
            // Five-year generations, the latest ending FY2025.
            p.end_fy = 2025 - 5 * (options.plans_per_municipality - g);
            p.start_fy = *p.end_fy - 4;
            p.period_as_written = std::to_string(*p.start_fy) + "年度～" + std::to_string(*p.end_fy) + "年度（合成）";
            p.vision = "合成データ：実在しない計画の将来像です。";
            p.summary = "wardscope gen が作った合成データです。実在の自治体・計画ではありません。";
            p.viewpoints = {"合成視点A", "合成視点B", "合成視点C"};
            if (!taxonomy.themes.empty()) p.focus_fields = {vocab.theme(rng).label_ja, vocab.theme(rng).label_ja};
            p.is_synthetic = true;
            p.source = source;
            add_nodes(p, options.measures_per_plan, rng, vocab);
            add_swot(p);
            add_indicators(pf, options, rng, vocab);
            // Every item names the same source, as a transcribed plan's items inherit theirs.
            for (Node& n : p.nodes) n.source = source;
            for (SwotItem& item : p.swot) item.source = source;
            for (TowsStrategy& t : p.tows) t.source = source;
            for (Indicator& ind : p.indicators) ind.source = source;
            out.push_back(std::move(pf));
        }
    }
    return out;
}

ImportReport generate_database(Store& store, const Taxonomy& taxonomy, const GenerateOptions& options) {
    return import_plans(store, taxonomy, generate_plan_files(options, taxonomy));
}

}  // namespace wardscope
