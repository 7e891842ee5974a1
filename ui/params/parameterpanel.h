#pragma once

#include "catalog/catalog.h"
#include "model/imagerequest.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Atelier {

// The parameters of a request, built from the catalog rather than written per model: switching
// the model updates every control, values the model does not offer are disabled with a tooltip
// that says why, and a value that stops being valid is reset and announced.
class ParameterPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParameterPanel)

public:
    explicit ParameterPanel(const Catalog &catalog, QWidget *parent = nullptr);

    Endpoint endpoint() const { return m_endpoint; }
    void setEndpoint(Endpoint endpoint);
    QString model() const;
    void setModel(const QString &model);

    // Endpoint, model and every option the user set (unset ones are absent).
    ImageRequest request() const;
    // Re-reads the catalog (after models were added to it).
    void refreshModels();
    // Restores endpoint, model and options of a recipe (prompt and images are the caller's).
    void applyRequest(const ImageRequest &request);
    // Sets Size to one of the model's values or a free WIDTHxHEIGHT (an edit following its
    // image); empty: the model's default.
    void setSize(const QString &size);

    // The control for an API parameter, and its label (tests and keyboard focus use them).
    QWidget *control(const QString &parameter) const;
    QLabel *label(const QString &parameter) const;
    QComboBox *modelBox() const { return m_modelBox; }
    QWidget *customSizeEditor() const { return m_customSize; }
    // Whether requests go to OpenAI itself, where a shut-down model fails (Azure deployments and
    // gateways may still serve one): the note under the model says so.
    void setServedByOpenAI(bool servedByOpenAI);

Q_SIGNALS:
    void changed();
    void statusMessage(const QString &text);

private:
    struct Row
    {
        QLabel *label = nullptr;
        QWidget *control = nullptr;
    };

    void buildRows();
    void fillModels();
    void applyRules(bool announce);
    QJsonValue valueOf(const QString &parameter) const;
    void setValue(const QString &parameter, const QJsonValue &value);
    void resetValue(const QString &parameter);
    QStringList allValues(const QString &parameter) const;
    // The rule for a row (an API parameter, or a field of the svg object) on `modelName`.
    std::optional<ParameterRule> ruleFor(const QString &modelName, const QString &name) const;
    // The labels of what the user set that `to` does not take.
    QStringList lostBySwitching(const QString &to) const;
    // Every row's value (a custom size as WxH), as remembered for a model.
    QJsonObject values() const;
    // Keeps what was set for the model shown until now, and brings back what was set for the
    // model shown now (switching to a model and back restores its parameters).
    void switchRememberedValues();

    const Catalog &m_catalog;
    Endpoint m_endpoint = Endpoint::Generations;
    QFormLayout *m_form = nullptr;
    QFormLayout *m_advancedForm = nullptr; // the rarely used parameters, folded away
    QComboBox *m_endpointBox = nullptr;
    QComboBox *m_modelBox = nullptr;
    QLabel *m_modelNote = nullptr;
    QPushButton *m_switchModel = nullptr;
    bool m_servedByOpenAI = true;
    QWidget *m_customSize = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QHash<QString, Row> m_rows;
    QHash<QString, QJsonObject> m_remembered; // by model
    QString m_shownModel;
    bool m_updating = false;
};

} // namespace Atelier
