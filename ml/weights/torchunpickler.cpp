#include "weights/torchunpickler.h"

#include "common/modelerror.h"

#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace kindred {

namespace {

using Value = PickleValue;
using ValuePtr = PickleValuePtr;
using StorageRef = PickleStorage;
using PendingTensor = PickleTensor;

const std::string kPackedSuffix = "._packed_params._packed_params";

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

torch::ScalarType storageType(const std::string& global)
{
    static const std::unordered_map<std::string, torch::ScalarType> types = {
        {"torch.FloatStorage", torch::kFloat},
        {"torch.DoubleStorage", torch::kDouble},
        {"torch.HalfStorage", torch::kHalf},
        {"torch.LongStorage", torch::kLong},
        {"torch.IntStorage", torch::kInt},
        {"torch.ShortStorage", torch::kShort},
        {"torch.CharStorage", torch::kChar},
        {"torch.ByteStorage", torch::kByte},
        {"torch.BoolStorage", torch::kBool},
        {"torch.BFloat16Storage", torch::kBFloat16},
        // quantized storages hold the integer values; _rebuild_qtensor adds scale and zero point
        {"torch.QInt8Storage", torch::kChar},
        {"torch.QUInt8Storage", torch::kByte},
        {"torch.QInt32Storage", torch::kInt}};
    const auto it = types.find(global);
    if (it == types.end())
        throw ModelError("unsupported storage type " + global);
    return it->second;
}

// A pickle virtual machine for the opcodes torch.save (protocol 2) emits.
class Machine {
public:
    Machine(const std::vector<char>& bytes, size_t& pos, std::string where, PickleStorages& storages)
        : m_bytes(bytes), m_pos(pos), m_where(std::move(where)), m_storages(storages)
    {
    }

    ValuePtr run()
    {
        while (true) {
            const uint8_t op = u8();
            switch (op) {
            case 0x80: // PROTO
                u8();
                break;
            case '.': // STOP
                if (m_stack.empty())
                    fail("STOP with an empty stack");
                return m_stack.back();
            case '(': // MARK
                m_marks.push_back(m_stack.size());
                break;
            case '}': // EMPTY_DICT
                push(Value::make(Value::Kind::Dict));
                break;
            case ']': // EMPTY_LIST
                push(Value::make(Value::Kind::List));
                break;
            case ')': // EMPTY_TUPLE
                push(Value::make(Value::Kind::Tuple));
                break;
            case 't': { // TUPLE
                auto t = Value::make(Value::Kind::Tuple);
                t->items = popToMark();
                push(t);
                break;
            }
            case 0x85:   // TUPLE1
            case 0x86:   // TUPLE2
            case 0x87: { // TUPLE3
                const size_t n = size_t(op - 0x84);
                if (m_stack.size() < n)
                    fail("TUPLE" + std::to_string(n) + " with too few items");
                auto t = Value::make(Value::Kind::Tuple);
                t->items.assign(m_stack.end() - long(n), m_stack.end());
                m_stack.resize(m_stack.size() - n);
                push(t);
                break;
            }
            case 'l': { // LIST
                auto l = Value::make(Value::Kind::List);
                l->items = popToMark();
                push(l);
                break;
            }
            case 'd': { // DICT
                auto d = Value::make(Value::Kind::Dict);
                const auto items = popToMark();
                if (items.size() % 2)
                    fail("DICT with an odd number of items");
                for (size_t k = 0; k < items.size(); k += 2)
                    d->dict.emplace_back(items[k], items[k + 1]);
                push(d);
                break;
            }
            case 'q': // BINPUT
                memo(u8());
                break;
            case 'r': // LONG_BINPUT
                memo(u32());
                break;
            case 0x94: // MEMOIZE
                memo(uint32_t(m_memo.size()));
                break;
            case 'h': // BINGET
                push(get(u8()));
                break;
            case 'j': // LONG_BINGET
                push(get(u32()));
                break;
            case 'J': { // BININT
                auto v = Value::make(Value::Kind::Int);
                v->i = int32_t(u32());
                push(v);
                break;
            }
            case 'K': { // BININT1
                auto v = Value::make(Value::Kind::Int);
                v->i = u8();
                push(v);
                break;
            }
            case 'M': { // BININT2
                auto v = Value::make(Value::Kind::Int);
                v->i = u8();
                v->i |= int64_t(u8()) << 8;
                push(v);
                break;
            }
            case 0x8a: { // LONG1
                const uint8_t n = u8();
                auto v = Value::make(Value::Kind::Int);
                v->s = raw(n); // kept for the magic number check
                if (n <= 8) {
                    uint64_t x = 0;
                    for (uint8_t k = 0; k < n; ++k)
                        x |= uint64_t(uint8_t(v->s[k])) << (8 * k);
                    if (n > 0 && n < 8 && (uint8_t(v->s[n - 1]) & 0x80))
                        x |= ~uint64_t(0) << (8 * n); // sign-extend
                    v->i = int64_t(x);
                }
                push(v);
                break;
            }
            case 'G': { // BINFLOAT (big-endian double)
                const std::string b = raw(8);
                uint64_t x = 0;
                for (int k = 0; k < 8; ++k)
                    x = (x << 8) | uint8_t(b[size_t(k)]);
                auto v = Value::make(Value::Kind::Float);
                std::memcpy(&v->f, &x, 8);
                push(v);
                break;
            }
            case 'X': { // BINUNICODE
                auto v = Value::make(Value::Kind::String);
                v->s = raw(u32());
                push(v);
                break;
            }
            case 0x8c: { // SHORT_BINUNICODE
                auto v = Value::make(Value::Kind::String);
                v->s = raw(u8());
                push(v);
                break;
            }
            case 'T': { // BINSTRING
                auto v = Value::make(Value::Kind::String);
                v->s = raw(u32());
                push(v);
                break;
            }
            case 'U': { // SHORT_BINSTRING
                auto v = Value::make(Value::Kind::String);
                v->s = raw(u8());
                push(v);
                break;
            }
            case 'N': // NONE
                push(Value::make(Value::Kind::None));
                break;
            case 0x88:   // NEWTRUE
            case 0x89: { // NEWFALSE
                auto v = Value::make(Value::Kind::Bool);
                v->b = op == 0x88;
                push(v);
                break;
            }
            case 'c': { // GLOBAL
                auto v = Value::make(Value::Kind::Global);
                const std::string module = line();
                v->s = module + "." + line();
                push(v);
                break;
            }
            case 'R': { // REDUCE
                auto args = pop();
                auto callable = pop();
                push(reduce(callable, args));
                break;
            }
            case 'b': { // BUILD: state of an OrderedDict (_metadata) and the like; nothing we need
                pop();
                if (m_stack.empty())
                    fail("BUILD with an empty stack");
                break;
            }
            case 's': { // SETITEM
                auto value = pop();
                auto key = pop();
                top(Value::Kind::Dict)->dict.emplace_back(key, value);
                break;
            }
            case 'u': { // SETITEMS
                const auto items = popToMark();
                if (items.size() % 2)
                    fail("SETITEMS with an odd number of items");
                auto d = top(Value::Kind::Dict);
                for (size_t k = 0; k < items.size(); k += 2)
                    d->dict.emplace_back(items[k], items[k + 1]);
                break;
            }
            case 'a': { // APPEND
                auto value = pop();
                top(Value::Kind::List)->items.push_back(value);
                break;
            }
            case 'e': { // APPENDS
                const auto items = popToMark();
                auto l = top(Value::Kind::List);
                l->items.insert(l->items.end(), items.begin(), items.end());
                break;
            }
            case 'Q': { // BINPERSID
                push(persistentLoad(pop()));
                break;
            }
            case '0': // POP
                pop();
                break;
            default: {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02x", op);
                fail(std::string("unsupported pickle opcode ") + hex);
            }
            }
        }
    }

private:
    [[noreturn]] void fail(const std::string& message) const
    {
        throw ModelError(m_where + ": " + message + " (at byte " + std::to_string(m_pos) + ")");
    }
    uint8_t u8()
    {
        if (m_pos >= m_bytes.size())
            fail("unexpected end of file inside a pickle (truncated file?)");
        return uint8_t(m_bytes[m_pos++]);
    }
    uint32_t u32()
    {
        uint32_t x = 0;
        for (int k = 0; k < 4; ++k)
            x |= uint32_t(u8()) << (8 * k);
        return x;
    }
    std::string raw(size_t n)
    {
        if (n > m_bytes.size() - m_pos)
            fail("unexpected end of file inside a pickle (truncated file?)");
        std::string s(m_bytes.data() + m_pos, n);
        m_pos += n;
        return s;
    }
    std::string line()
    {
        std::string s;
        for (char c = char(u8()); c != '\n'; c = char(u8()))
            s.push_back(c);
        return s;
    }
    void push(ValuePtr v) { m_stack.push_back(std::move(v)); }
    ValuePtr pop()
    {
        if (m_stack.empty() || (!m_marks.empty() && m_stack.size() <= m_marks.back()))
            fail("pop from an empty stack");
        auto v = m_stack.back();
        m_stack.pop_back();
        return v;
    }
    ValuePtr top(Value::Kind kind)
    {
        if (m_stack.empty() || m_stack.back()->kind != kind)
            fail("expected a " + Value::kindName(kind) + " on the stack");
        return m_stack.back();
    }
    std::vector<ValuePtr> popToMark()
    {
        if (m_marks.empty())
            fail("no MARK on the stack");
        const size_t mark = m_marks.back();
        m_marks.pop_back();
        if (mark > m_stack.size())
            fail("corrupt MARK");
        std::vector<ValuePtr> items(m_stack.begin() + long(mark), m_stack.end());
        m_stack.resize(mark);
        return items;
    }
    void memo(uint32_t index)
    {
        if (m_stack.empty())
            fail("memo store from an empty stack");
        m_memo[index] = m_stack.back();
    }
    ValuePtr get(uint32_t index)
    {
        const auto it = m_memo.find(index);
        if (it == m_memo.end())
            fail("memo entry " + std::to_string(index) + " is not defined");
        return it->second;
    }

    static int64_t asInt(const ValuePtr& v, const std::string& what, const Machine& self)
    {
        if (v->kind != Value::Kind::Int)
            self.fail(what + " should be an int, not " + Value::kindName(v->kind));
        return v->i;
    }
    std::vector<int64_t> intTuple(const ValuePtr& v, const std::string& what) const
    {
        if (v->kind != Value::Kind::Tuple && v->kind != Value::Kind::List)
            fail(what + " should be a tuple");
        std::vector<int64_t> out;
        for (const auto& item : v->items)
            out.push_back(asInt(item, what, *this));
        return out;
    }

    ValuePtr persistentLoad(const ValuePtr& pid)
    {
        if (pid->kind != Value::Kind::Tuple || pid->items.size() < 5 ||
            pid->items[0]->kind != Value::Kind::String || pid->items[0]->s != "storage")
            fail("unsupported persistent id (expected ('storage', type, key, location, numel))");
        const auto& type = pid->items[1];
        const auto& key = pid->items[2];
        if (type->kind != Value::Kind::Global || key->kind != Value::Kind::String)
            fail("malformed storage persistent id");
        auto& ref = m_storages[key->s];
        if (!ref) {
            ref = std::make_shared<StorageRef>();
            ref->key = key->s;
            ref->type = storageType(type->s);
            ref->numel = asInt(pid->items[4], "storage size", *this);
        }
        auto v = Value::make(Value::Kind::Storage);
        v->storage = ref;
        return v;
    }

    ValuePtr reduce(const ValuePtr& callable, const ValuePtr& args)
    {
        if (callable->kind != Value::Kind::Global)
            fail("REDUCE of a " + Value::kindName(callable->kind) + " (only known globals can be called)");
        if (args->kind != Value::Kind::Tuple)
            fail("REDUCE arguments are not a tuple");
        const std::string& name = callable->s;
        if (name == "collections.OrderedDict")
            return Value::make(Value::Kind::Dict);
        const bool quantized = name == "torch._utils._rebuild_qtensor";
        if (quantized || name == "torch._utils._rebuild_tensor_v2" ||
            name == "torch._utils._rebuild_tensor") {
            // (storage, offset, size, stride, ...); a quantized tensor has (qscheme, scale, zero_point) fifth
            if (args->items.size() < (quantized ? 5U : 4U) || args->items[0]->kind != Value::Kind::Storage)
                fail(name + " called with unexpected arguments");
            auto t = std::make_shared<PendingTensor>();
            t->storage = args->items[0]->storage;
            t->offset = asInt(args->items[1], "storage offset", *this);
            t->size = intTuple(args->items[2], "tensor size");
            t->stride = intTuple(args->items[3], "tensor stride");
            if (t->size.size() != t->stride.size())
                fail("tensor size and stride have different lengths");
            if (quantized) {
                const ValuePtr& qparams = args->items[4];
                if (qparams->kind != Value::Kind::Tuple || qparams->items.size() < 3 ||
                    qparams->items[0]->kind != Value::Kind::Global ||
                    qparams->items[0]->s != "torch.per_tensor_affine")
                    fail("unsupported quantization (only per-tensor affine is read)");
                if (qparams->items[1]->kind != Value::Kind::Float)
                    fail("quantization scale should be a float");
                t->quantized = true;
                t->scale = qparams->items[1]->f;
                t->zeroPoint = asInt(qparams->items[2], "quantization zero point", *this);
            }
            auto v = Value::make(Value::Kind::Tensor);
            v->tensor = t;
            return v;
        }
        if (name == "torch._utils._rebuild_parameter") {
            if (args->items.empty() || args->items[0]->kind != Value::Kind::Tensor)
                fail("_rebuild_parameter called without a tensor");
            return args->items[0];
        }
        fail("unsupported global '" + name + "' (not a plain state dict?)");
    }

    const std::vector<char>& m_bytes;
    size_t& m_pos;
    std::string m_where;
    std::vector<ValuePtr> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint32_t, ValuePtr> m_memo;
    PickleStorages& m_storages;
};

void collect(const ValuePtr& dict, const std::string& prefix,
             std::vector<std::pair<std::string, PickleTensor>>& out, std::vector<std::string>& packed,
             const std::string& where)
{
    for (const auto& [key, value] : dict->dict) {
        if (key->kind != Value::Kind::String)
            continue;
        const std::string name = prefix.empty() ? key->s : prefix + "." + key->s;
        if (value->kind == Value::Kind::Tensor) {
            out.emplace_back(name, *value->tensor);
        } else if (value->kind == Value::Kind::Dict) {
            collect(value, name, out, packed, where);
        } else if (value->kind == Value::Kind::Tuple && endsWith(name, kPackedSuffix)) {
            const std::string layer = name.substr(0, name.size() - kPackedSuffix.size());
            const auto& items = value->items;
            if (items.empty() || items[0]->kind != Value::Kind::Tensor)
                throw ModelError(where + ": the quantized layer '" + layer + "' holds no weight tensor");
            out.emplace_back(layer + ".weight", *items[0]->tensor);
            if (items.size() > 1 && items[1]->kind == Value::Kind::Tensor)
                out.emplace_back(layer + ".bias", *items[1]->tensor);
            packed.push_back(layer);
        }
    }
}

} // namespace

PickleValuePtr PickleValue::make(Kind k)
{
    auto v = std::make_shared<PickleValue>();
    v->kind = k;
    return v;
}

std::string PickleValue::kindName(Kind k)
{
    switch (k) {
    case Value::Kind::None:
        return "None";
    case Value::Kind::Bool:
        return "bool";
    case Value::Kind::Int:
        return "int";
    case Value::Kind::Float:
        return "float";
    case Value::Kind::String:
        return "str";
    case Value::Kind::Tuple:
        return "tuple";
    case Value::Kind::List:
        return "list";
    case Value::Kind::Dict:
        return "dict";
    case Value::Kind::Global:
        return "global";
    case Value::Kind::Storage:
        return "storage";
    case Value::Kind::Tensor:
        return "tensor";
    }
    return "?";
}

PickleValuePtr TorchUnpickler::run(const std::vector<char>& bytes, size_t& pos, const std::string& where,
                                   PickleStorages& storages)
{
    return Machine(bytes, pos, where, storages).run();
}

std::vector<std::pair<std::string, PickleTensor>>
TorchUnpickler::stateDictTensors(const PickleValuePtr& state, const std::string& where)
{
    PickleValuePtr root = state;
    if (root->kind == Value::Kind::Dict)
        for (const auto& [key, value] : root->dict)
            if (key->kind == Value::Kind::String && key->s == "state_dict" &&
                value->kind == Value::Kind::Dict)
                root = value;
    if (root->kind != Value::Kind::Dict)
        throw ModelError(where + ": the file holds a " + Value::kindName(root->kind) +
                         ", not a state dict (save model.state_dict(), not the model)");
    std::vector<std::pair<std::string, PickleTensor>> entries;
    std::vector<std::string> packed;
    collect(root, "", entries, packed, where);
    for (const std::string& layer : packed)
        std::erase_if(entries, [&](const auto& entry) {
            return entry.first == layer + ".scale" || entry.first == layer + ".zero_point";
        });
    if (entries.empty())
        throw ModelError(where + ": the state dict holds no tensors");
    return entries;
}

torch::Tensor TorchUnpickler::materialize(const PickleTensor& t, const torch::Tensor& storage,
                                          const std::string& name, const std::string& where)
{
    int64_t extent = t.offset;
    bool empty = false;
    for (size_t d = 0; d < t.size.size(); ++d) {
        if (t.size[d] == 0)
            empty = true;
        if (t.size[d] < 0 || t.stride[d] < 0)
            throw ModelError(where + ": tensor '" + name + "' has a negative size or stride");
        extent += (t.size[d] - 1) * t.stride[d];
    }
    if (t.offset < 0 || (!empty && extent >= storage.numel()))
        throw ModelError(where + ": tensor '" + name + "' reaches past the end of its storage");
    const torch::Tensor view = storage.as_strided(t.size, t.stride, t.offset);
    if (!t.quantized)
        return view;
    return ((view.to(torch::kFloat32) - float(t.zeroPoint)) * float(t.scale)).contiguous();
}

} // namespace kindred
